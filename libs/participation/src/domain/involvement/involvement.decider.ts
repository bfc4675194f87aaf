import { decideInvolvement } from './involvement.decide';
import { evolveInvolvement } from './involvement.evolve';
import { initialInvolvementState } from './involvement.state';

/** The Involvement aggregate as an Emmett-style decider. */
export const involvementDecider = {
  decide: decideInvolvement,
  evolve: evolveInvolvement,
  initialState: initialInvolvementState,
};
