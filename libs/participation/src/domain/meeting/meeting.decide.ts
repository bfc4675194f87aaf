import { Conflict, NotFound, refuseNationalIdsInFreeText } from '@app/shared-kernel';
import {
  FieldChecks,
  INVOLVEMENT_FORMS,
  InvolvementForm,
  NOT_PARTICIPATION,
  assertNever,
  isAfterInstant,
  refuse,
} from '../common';
import {
  MEETING_UPDATE_KINDS,
  MeetingCommand,
  MeetingContext,
  RegisterMeeting,
  UpdateMeeting,
} from './meeting.commands';
import { AGENDA_SETTERS, AgendaSetter, GatheringDecisions, MeetingEvent } from './meeting.events';
import { MeetingState } from './meeting.state';

/** Meetings are of the forms that are participation: peer support (likemannsarbeid) is not. */
export const MEETING_FORMS: readonly InvolvementForm[] = INVOLVEMENT_FORMS.filter(
  (f) => !NOT_PARTICIPATION.includes(f),
);

export function decideMeeting(
  command: MeetingCommand,
  state: MeetingState,
  context: MeetingContext,
): MeetingEvent[] {
  switch (command.type) {
    case 'RegisterMeeting':
      return registerMeeting(command, state, context);
    case 'UpdateMeeting':
      return updateMeeting(command, state, context);
    default:
      return assertNever(command);
  }
}

function registerMeeting({ data }: RegisterMeeting, state: MeetingState, context: MeetingContext) {
  const checks = new FieldChecks()
    .text('meetingId', data.meetingId, 100)
    .text('projectId', data.projectId, 100)
    .oneOf('form', MEETING_FORMS, data.form)
    .date('heldOn', data.heldOn)
    .optionalString('agenda', data.agenda, 5000)
    .optionalString('minutesRef', data.minutesRef, 300)
    .oneLine('minutesRef', data.minutesRef);
  if (data.agendaSetBy !== undefined && data.agendaSetBy !== null)
    checks.oneOf('agendaSetBy', AGENDA_SETTERS, data.agendaSetBy);
  if (data.invitationSentAt != null) checks.instant('invitationSentAt', data.invitationSentAt);
  if (data.documentsSharedAt != null) checks.instant('documentsSharedAt', data.documentsSharedAt);
  const decisions = parseDecisions(data.gatheringDecisions, checks);
  checks.throwIfAny();
  const agenda = blankToNull(data.agenda);
  const minutesRef = blankToNull(data.minutesRef);
  refuseNationalIdsInFreeText({ agenda, minutesRef });

  const project = context.project;
  if (!project || project.status !== 'registered' || project.projectId !== data.projectId)
    throw new NotFound('Project', data.projectId);
  if (state.status !== 'none') throw new Conflict(`Meeting ${data.meetingId} is already registered`);
  const form = data.form as InvolvementForm;
  if (form === 'user-gathering' && decisions === null)
    throw refuse(
      'gathering-decisions-required',
      'gatheringDecisions {expensesCovered, honorariumPaid} is required for a user-gathering',
    );
  if (form !== 'user-gathering' && decisions !== null)
    throw refuse('gathering-decisions-only-for-gatherings', `a ${form} is paid by its guideline`);
  for (const [field, at] of [
    ['invitationSentAt', data.invitationSentAt],
    ['documentsSharedAt', data.documentsSharedAt],
  ] as const)
    if (at != null && isAfterInstant(at, context.now))
      throw refuse('meeting-record-in-future', `${field} ${at} is after now ${context.now}`);

  return [
    {
      type: 'MeetingRegistered' as const,
      data: {
        meetingId: data.meetingId,
        projectId: data.projectId,
        form,
        heldOn: data.heldOn,
        agenda,
        agendaSetBy: (data.agendaSetBy ?? null) as AgendaSetter | null,
        invitationSentAt: data.invitationSentAt ?? null,
        documentsSharedAt: data.documentsSharedAt ?? null,
        minutesRef,
        gatheringDecisions: decisions,
      },
    },
  ];
}

function updateMeeting({ data }: UpdateMeeting, state: MeetingState, { now }: MeetingContext) {
  const checks = new FieldChecks()
    .text('meetingId', data.meetingId, 100)
    .oneOf('kind', MEETING_UPDATE_KINDS, data.kind);
  switch (data.kind) {
    case 'invitation-sent':
    case 'documents-shared':
    case 'feedback-given':
      checks.instant('at', data.at);
      break;
    case 'minutes':
      checks.text('ref', data.ref, 300).oneLine('ref', data.ref);
      break;
    case 'cancelled':
      checks.text('reason', data.reason, 2000);
      break;
  }
  checks.throwIfAny();
  refuseNationalIdsInFreeText({ ref: data.ref, reason: data.reason });
  if (state.status === 'none') throw new NotFound('Meeting', data.meetingId);
  if (state.status === 'cancelled')
    throw refuse('meeting-cancelled', `meeting ${data.meetingId} was cancelled`);
  if (data.at !== undefined && isAfterInstant(data.at, now))
    throw refuse('meeting-record-in-future', `at ${data.at} is after now ${now}`);

  const meetingId = data.meetingId;
  // Recording what is already recorded is what a retry looks like: nothing new happens.
  switch (data.kind) {
    case 'invitation-sent':
      return state.invitationSentAt === data.at
        ? []
        : [{ type: 'MeetingInvitationSent' as const, data: { meetingId, at: data.at as string } }];
    case 'documents-shared':
      return state.documentsSharedAt === data.at
        ? []
        : [{ type: 'MeetingDocumentsShared' as const, data: { meetingId, at: data.at as string } }];
    case 'feedback-given':
      return state.feedbackGivenAt === data.at
        ? []
        : [{ type: 'MeetingFeedbackGiven' as const, data: { meetingId, at: data.at as string } }];
    case 'minutes': {
      const ref = (data.ref as string).trim();
      return state.minutesRef === ref
        ? []
        : [{ type: 'MeetingMinutesRecorded' as const, data: { meetingId, ref } }];
    }
    default:
      return [
        {
          type: 'MeetingCancelled' as const,
          data: { meetingId, reason: (data.reason as string).trim() },
        },
      ];
  }
}

function parseDecisions(value: unknown, checks: FieldChecks): GatheringDecisions | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    checks.fail('gatheringDecisions', 'must be an object {expensesCovered, honorariumPaid}');
    return null;
  }
  const { expensesCovered, honorariumPaid } = value as Record<string, unknown>;
  checks
    .boolean('gatheringDecisions.expensesCovered', expensesCovered)
    .boolean('gatheringDecisions.honorariumPaid', honorariumPaid);
  return isBoolean(expensesCovered) && isBoolean(honorariumPaid) ? { expensesCovered, honorariumPaid } : null;
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

function blankToNull(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
