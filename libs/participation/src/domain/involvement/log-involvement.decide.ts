import { Conflict, NotFound, refuseNationalIdsInFreeText } from '@app/shared-kernel';
import { FieldChecks, refuse } from '../common';
import { LogInvolvement, LogInvolvementContext } from './involvement.commands';
import { InvolvementEvent } from './involvement.events';
import { parseDetails } from './involvement.parse';
import { appointmentOn, classify, enforceDayTotal, enforceInvolvementRules } from './involvement.rules';
import { InvolvementState } from './involvement.state';
import { decisionsLiveOnMeeting, enforceMeetingMembership } from '../meeting/meeting-membership';

export function logInvolvement(
  { data }: LogInvolvement,
  state: InvolvementState,
  { today, project, participant, appointments, otherInvolvementsByDay, meeting }: LogInvolvementContext,
): InvolvementEvent[] {
  const checks = new FieldChecks()
    .text('involvementId', data.involvementId, 100)
    .text('projectId', data.projectId, 100)
    .text('participantId', data.participantId, 100)
    .optionalText('meetingId', data.meetingId, 100);
  const details = parseDetails(data, checks);
  checks.throwIfAny();
  refuseNationalIdsInFreeText({ topic: details.topic, expenses: details.expenses });

  if (project.status !== 'registered' || project.projectId !== data.projectId)
    throw new NotFound('Project', data.projectId);
  if (participant.status === 'unregistered' || participant.participantId !== data.participantId) {
    throw new NotFound('Participant', data.participantId);
  }
  if (state.status !== 'none') throw new Conflict(`Involvement ${data.involvementId} is already logged`);
  if (participant.status === 'forgotten')
    throw refuse('participant-forgotten', `participant ${data.participantId}`);

  const meetingId = data.meetingId ?? undefined;
  if (meetingId !== undefined)
    enforceMeetingMembership({ projectId: data.projectId, ...details }, meetingId, meeting);
  const appointment = appointmentOn(appointments, data, details.occurredOn);
  enforceInvolvementRules(
    details,
    today,
    appointment,
    meetingId !== undefined && decisionsLiveOnMeeting(meeting),
  );
  enforceDayTotal(details, otherInvolvementsByDay);
  return [
    {
      type: 'InvolvementLogged',
      data: {
        involvementId: data.involvementId,
        projectId: data.projectId,
        participantId: data.participantId,
        ...details,
        ...classify(details, appointment),
        ...(meetingId !== undefined ? { meetingId } : {}),
      },
    },
  ];
}
