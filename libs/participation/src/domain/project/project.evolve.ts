import { assertNever } from '../common';
import { ProjectEvent } from './project.events';
import { ProjectState } from './project.state';

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered': {
      const { projectId, name, organizationId, region, level } = event.data;
      return { status: 'registered', projectId, name, organizationId, region, level, leads: [] };
    }
    case 'ProjectLeadAdded':
      // A lead event before registration cannot come from decide; ignore rather than invent a project.
      if (state.status !== 'registered' || state.leads.includes(event.data.sub)) return state;
      return { ...state, leads: [...state.leads, event.data.sub] };
    case 'MilestoneRecorded': {
      if (state.status !== 'registered') return state;
      const { milestoneId, kind, at, ref } = event.data;
      return { ...state, milestones: [...(state.milestones ?? []), { milestoneId, kind, at, ref }] };
    }
    default:
      return assertNever(event);
  }
}
