import { assertNever } from '../common';
import { InvolvementEvent } from './involvement.events';
import { InvolvementState } from './involvement.state';
import { silentParticipant } from './participant-voice';

export function evolveInvolvement(state: InvolvementState, event: InvolvementEvent): InvolvementState {
  if (event.type === 'InvolvementLogged')
    return { status: 'logged', ...event.data, evidence: [], corrections: 0, ...silentParticipant() };
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
        // What the participant said speaks of the version before; a corrected dispute holds nothing back.
        participantResponse: state.participantResponse && {
          ...state.participantResponse,
          correctedSince: true,
        },
      };
    }
    case 'InvolvementVoided':
      return { ...state, status: 'voided' };
    case 'EvidenceAdded': {
      const { evidenceId, evidence } = event.data;
      return { ...state, evidence: [...state.evidence, { evidenceId, evidence }] };
    }
    case 'ParticipantConfirmedInvolvement':
      return { ...state, participantResponse: { confirmed: true, correctedSince: false } };
    case 'ParticipantDisputedInvolvement': {
      const { concerns, reason } = event.data;
      return { ...state, participantResponse: { confirmed: false, concerns, reason, correctedSince: false } };
    }
    case 'ParticipantWaivedHonorarium':
      return { ...state, waiver: { reason: event.data.reason } };
    case 'ParticipantAcknowledgedFeedback':
      return { ...state, acknowledgedFeedback: [...state.acknowledgedFeedback, event.data.evidenceId] };
    default:
      return assertNever(event);
  }
}
