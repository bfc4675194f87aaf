import { Conflict, NotFound, refuseNationalIdsInFreeText } from '@app/shared-kernel';
import {
  FieldChecks,
  IsoInstant,
  ParticipationLevel,
  isAfterInstant,
  refuse,
  PARTICIPATION_LEVELS,
  assertNever,
  isSealedEnvelope,
} from '../common';
import {
  AddProjectLead,
  NewLead,
  ProjectCommand,
  RecordMilestone,
  RegisterProject,
} from './project.commands';
import { MILESTONE_KINDS, MilestoneKind, ProjectEvent, ProjectLeadAdded } from './project.events';
import { ProjectState } from './project.state';

/** Project commands need no facts beyond the project's own stream; a milestone needs the handler's `now`. */
export function decideProject(
  command: ProjectCommand,
  state: ProjectState,
  context?: { now: IsoInstant },
): ProjectEvent[] {
  switch (command.type) {
    case 'RegisterProject':
      return registerProject(command, state);
    case 'AddProjectLead':
      return addProjectLead(command, state);
    case 'RecordMilestone':
      return recordMilestone(command, state, context);
    default:
      return assertNever(command);
  }
}

function registerProject({ data }: RegisterProject, state: ProjectState): ProjectEvent[] {
  const checks = new FieldChecks()
    .text('projectId', data.projectId, 100)
    .text('name', data.name, 300)
    .oneLine('name', data.name)
    .optionalText('description', data.description, 5000)
    .text('organizationId', data.organizationId, 100)
    .oneLine('organizationId', data.organizationId)
    .text('region', data.region, 100)
    .oneOf('level', PARTICIPATION_LEVELS, data.level);
  if (data.firstLead) checkLead(checks, 'firstLead.', data.firstLead);
  checks.throwIfAny();
  // Project text does not concern one person, so it stays plain: it must then never identify one.
  refuseNationalIdsInFreeText({
    name: data.name,
    description: data.description,
    organizationId: data.organizationId,
  });
  if (state.status !== 'unregistered') throw new Conflict(`Project ${data.projectId} is already registered`);

  const events: ProjectEvent[] = [
    {
      type: 'ProjectRegistered',
      data: {
        projectId: data.projectId,
        name: data.name.trim(),
        description: data.description?.trim() || null,
        organizationId: data.organizationId,
        region: data.region,
        level: data.level as ParticipationLevel,
      },
    },
  ];
  if (data.firstLead) events.push(leadAdded(data.projectId, data.firstLead));
  return events;
}

function addProjectLead({ data }: AddProjectLead, state: ProjectState): ProjectEvent[] {
  const checks = new FieldChecks();
  checkLead(checks, '', data);
  checks.throwIfAny();
  // A lead's sub is stored plain in the event and named in the access log.
  refuseNationalIdsInFreeText({ sub: data.sub });
  if (state.status !== 'registered') throw new NotFound('Project', data.projectId);
  // Adding a lead twice is what a retry looks like: nothing new happens.
  if (state.leads.includes(data.sub)) return [];
  return [leadAdded(data.projectId, data)];
}

function checkLead(checks: FieldChecks, prefix: string, lead: NewLead): void {
  checks.text(`${prefix}sub`, lead.sub, 200).oneLine(`${prefix}sub`, lead.sub);
  if (lead.sealed !== undefined && !isSealedEnvelope(lead.sealed)) {
    checks.fail(`${prefix}sealed`, 'must be a sealed personal-data envelope, never plaintext');
  }
}

function leadAdded(projectId: string, lead: NewLead): ProjectLeadAdded {
  return { type: 'ProjectLeadAdded', data: { projectId, sub: lead.sub, sealed: lead.sealed ?? null } };
}

function recordMilestone(
  { data }: RecordMilestone,
  state: ProjectState,
  context: { now: IsoInstant } | undefined,
): ProjectEvent[] {
  new FieldChecks()
    .text('milestoneId', data.milestoneId, 100)
    .oneOf('kind', MILESTONE_KINDS, data.kind)
    .instant('at', data.at)
    .optionalString('ref', data.ref, 300)
    .oneLine('ref', data.ref)
    .throwIfAny();
  const ref = typeof data.ref === 'string' && data.ref.trim() !== '' ? data.ref.trim() : null;
  refuseNationalIdsInFreeText({ ref });
  if (state.status !== 'registered') throw new NotFound('Project', data.projectId);
  if (context && isAfterInstant(data.at, context.now))
    throw refuse('milestone-in-future', `at ${data.at} is after now ${context.now}`);
  // The milestone id is the natural key of a retry.
  if ((state.milestones ?? []).some((m) => m.milestoneId === data.milestoneId)) return [];
  return [
    {
      type: 'MilestoneRecorded',
      data: {
        projectId: data.projectId,
        milestoneId: data.milestoneId,
        kind: data.kind as MilestoneKind,
        at: data.at,
        ref,
      },
    },
  ];
}
