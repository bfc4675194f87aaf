import { decideParticipant } from './participant.decide';
import { evolveParticipant } from './participant.evolve';
import { initialParticipantState } from './participant.state';

/** The Participant aggregate as an Emmett-style decider. */
export const participantDecider = {
  decide: decideParticipant,
  evolve: evolveParticipant,
  initialState: initialParticipantState,
};
