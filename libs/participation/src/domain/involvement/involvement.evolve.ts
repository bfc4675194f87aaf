import { assertNever } from '../common';
import { InvolvementEvent } from './involvement.events';
import { InvolvementState } from './involvement.state';

export function evolveInvolvement(state: InvolvementState, event: InvolvementEvent): InvolvementState {
  if (event.type === 'InvolvementLogged')
    return { status: 'logged', ...event.data, evidence: [], corrections: 0 };
  // Only InvolvementLogged can start the stream; anything else before it is ignored rather than invented.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'InvolvementCorrected': {
      const { changes, appointment, countsAsParticipation, payable } = event.data;
      return {
        ...state,
        ...changes,
        appointment,
        countsAsParticipation,
        payable,
        corrections: state.corrections + 1,
      };
    }
    case 'InvolvementVoided':
      return { ...state, status: 'voided' };
    case 'EvidenceAdded': {
      const { evidenceId, evidence } = event.data;
      return { ...state, evidence: [...state.evidence, { evidenceId, evidence }] };
    }
    default:
      return assertNever(event);
  }
}
