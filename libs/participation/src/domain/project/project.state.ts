import { ParticipationLevel } from '../common';
import { MilestoneKind } from './project.events';

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
      /** Decision milestones in the order recorded. */
      milestones?: readonly Milestone[];
    };

export type Milestone = { milestoneId: string; kind: MilestoneKind; at: string; ref: string | null };

export type RegisteredProject = Extract<ProjectState, { status: 'registered' }>;

export const initialProjectState = (): ProjectState => ({ status: 'unregistered' });
