import { assertNever } from '../common';
import { ParticipantEvent } from './participant.events';
import { ParticipantState } from './participant.state';

export function evolveParticipant(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantRegistered': {
      const { participantId, sealed, employedBy } = event.data;
      return { status: 'registered', participantId, sealed, employedBy };
    }
    case 'ParticipantForgotten':
      // The envelope is dropped from state too: nothing downstream should try to open it.
      if (state.status === 'unregistered') return state;
      return { status: 'forgotten', participantId: state.participantId, employedBy: state.employedBy };
    default:
      return assertNever(event);
  }
}
