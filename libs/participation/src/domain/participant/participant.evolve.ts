import { assertNever } from '../common';
import { ParticipantEvent } from './participant.events';
import { ParticipantState } from './participant.state';

export function evolveParticipant(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantRegistered': {
      const { participantId, sealed, employedBy } = event.data;
      return { status: 'registered', participantId, sealed, employment: [{ from: null, employedBy }] };
    }
    case 'ParticipantForgotten':
      // The envelope is dropped from state too: nothing downstream should try to open it.
      if (state.status === 'unregistered') return state;
      return { status: 'forgotten', participantId: state.participantId, employment: state.employment };
    case 'ParticipantEmploymentChanged': {
      if (state.status === 'unregistered') return state;
      const { employedBy, from } = event.data;
      return { ...state, employment: [...state.employment, { from, employedBy }] };
    }
    case 'ParticipantBankAccountChanged':
    case 'ParticipantContactChanged':
      return state.status === 'registered' ? { ...state, sealed: event.data.sealed } : state;
    default:
      return assertNever(event);
  }
}
