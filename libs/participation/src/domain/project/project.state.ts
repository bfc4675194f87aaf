import { ParticipationLevel } from '../common';

export type ProjectState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      projectId: string;
      name: string;
      organizationId: string;
      region: string;
      level: ParticipationLevel;
      /** Subjects of the leads, in the order they were added. */
      leads: readonly string[];
    };

export type RegisteredProject = Extract<ProjectState, { status: 'registered' }>;

export const initialProjectState = (): ProjectState => ({ status: 'unregistered' });
