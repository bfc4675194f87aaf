import { refuseNationalIdsInFreeText } from '@app/shared-kernel';
import { VoidInvolvement } from './involvement.commands';
import { InvolvementEvent } from './involvement.events';
import { openInvolvement } from './involvement.guards';
import { InvolvementState } from './involvement.state';

/** Voiding adds a fact; the logged event and its corrections stay in the log for the audit. */
export function voidInvolvement({ data }: VoidInvolvement, state: InvolvementState): InvolvementEvent[] {
  const current = openInvolvement(state, data.involvementId, data.reason, 'voided');
  refuseNationalIdsInFreeText({ reason: data.reason });
  return [
    {
      type: 'InvolvementVoided',
      data: {
        involvementId: current.involvementId,
        participantId: current.participantId,
        reason: data.reason.trim(),
      },
    },
  ];
}
