import { canonicalJson, refuseNationalIdsInFreeText } from '@app/shared-kernel';
import { FieldChecks, refuse } from '../common';
import { CorrectInvolvement, CorrectInvolvementContext } from './involvement.commands';
import { InvolvementDetails } from './involvement.details';
import { InvolvementEvent } from './involvement.events';
import { parseChanges } from './involvement.parse';
import { appointmentOn, classify, enforceDayTotal, enforceInvolvementRules } from './involvement.rules';
import { openInvolvement } from './involvement.guards';
import { InvolvementState } from './involvement.state';
import { decisionsLiveOnMeeting, enforceMeetingMembership } from '../meeting/meeting-membership';

export function correctInvolvement(
  { data }: CorrectInvolvement,
  state: InvolvementState,
  { today, appointments, otherInvolvementsByDay, meeting }: CorrectInvolvementContext,
): InvolvementEvent[] {
  const current = openInvolvement(state, data.involvementId, data.reason, 'corrected');
  const checks = new FieldChecks();
  const parsed = parseChanges(data.changes, current, checks);
  checks.throwIfAny();
  refuseNationalIdsInFreeText({ reason: data.reason, changes: parsed });

  const changes: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed) as [keyof InvolvementDetails, unknown][]) {
    if (canonicalJson(value) === canonicalJson(current[key])) continue;
    changes[key] = value;
    previous[key] = current[key];
  }
  if (Object.keys(changes).length === 0)
    throw refuse('correction-changes-nothing', 'every named field already has that value');

  const corrected: InvolvementDetails = { ...current, ...(changes as Partial<InvolvementDetails>) };
  // The appointment is looked up again only when the day or the form changes: a later
  // change to the appointments must not block fixing, say, a typo in the topic.
  const appointment =
    'occurredOn' in changes || 'form' in changes
      ? appointmentOn(appointments, current, corrected.occurredOn)
      : current.appointment;
  const { meetingId } = current;
  if (meetingId !== undefined && ('occurredOn' in changes || 'form' in changes))
    enforceMeetingMembership({ projectId: current.projectId, ...corrected }, meetingId, meeting);
  enforceInvolvementRules(
    corrected,
    today,
    appointment,
    meetingId !== undefined && decisionsLiveOnMeeting(meeting),
  );
  // Like the appointment, the day's total is judged again only when the hours or the day change.
  if ('hours' in changes || 'occurredOn' in changes) enforceDayTotal(corrected, otherInvolvementsByDay);
  return [
    {
      type: 'InvolvementCorrected',
      data: {
        involvementId: current.involvementId,
        participantId: current.participantId,
        changes: changes,
        previous: previous,
        reason: data.reason.trim(),
        ...classify(corrected, appointment),
      },
    },
  ];
}
