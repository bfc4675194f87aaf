import { IsoDate, refuse } from '../common';
import { MeetingState } from './meeting.state';

/** What of an involvement decides whether it fits the meeting it names. */
export type MeetingMember = { projectId: string; form: string; occurredOn: IsoDate };

/**
 * An involvement belongs to at most one meeting: one of the same project, of
 * the same form, held on the involvement's day. Checked when logged and again
 * when a correction changes the form or the day.
 */
export function enforceMeetingMembership(
  involvement: MeetingMember,
  meetingId: string,
  meeting: MeetingState | undefined,
): void {
  if (!meeting || meeting.status === 'none' || meeting.projectId !== involvement.projectId)
    throw refuse(
      'involvement-meeting-mismatch',
      `meeting ${meetingId} is not a meeting of project ${involvement.projectId}`,
    );
  const differences = [
    meeting.form !== involvement.form
      ? `form ${involvement.form} is not the meeting’s ${meeting.form}`
      : null,
    meeting.heldOn !== involvement.occurredOn
      ? `occurredOn ${involvement.occurredOn} is not the meeting’s day ${meeting.heldOn}`
      : null,
  ].filter((d): d is string => d !== null);
  if (differences.length > 0)
    throw refuse('involvement-meeting-mismatch', `meeting ${meetingId}: ${differences.join('; ')}`);
}

/** A gathering held as a meeting has its two decisions there, once for everyone. */
export function decisionsLiveOnMeeting(meeting: MeetingState | undefined): boolean {
  return meeting !== undefined && meeting.status !== 'none' && meeting.gatheringDecisions !== null;
}
