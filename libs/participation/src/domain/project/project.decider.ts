import { decideProject } from './project.decide';
import { evolveProject } from './project.evolve';
import { initialProjectState } from './project.state';

/** The Project aggregate as an Emmett-style decider. */
export const projectDecider = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
};
