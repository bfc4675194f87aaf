import { NotFound } from '@app/shared-kernel';
import { FieldChecks, refuse } from '../common';
import { InvolvementState, RecordedInvolvement } from './involvement.state';

/** What corrections and voids share: an existing, not voided involvement, and a reason. */
export function openInvolvement(
  state: InvolvementState,
  involvementId: string,
  reason: unknown,
  action: 'corrected' | 'voided',
): RecordedInvolvement {
  new FieldChecks()
    .text('involvementId', involvementId, 100)
    .optionalString('reason', reason, 2000)
    .throwIfAny();
  if (state.status === 'none') throw new NotFound('Involvement', involvementId);
  if (state.status === 'voided')
    throw refuse('involvement-voided', `involvement ${involvementId} cannot be ${action}`);
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw refuse('reason-required', `the involvement is ${action} only with a non-empty reason`);
  }
  return state;
}
