import { DomainEvent, InvolvementForm, IsoDate, IsoInstant } from '../common';

/** Who set a meeting's agenda: in a user council the users do. */
export const AGENDA_SETTERS = ['users', 'organiser', 'jointly'] as const;
export type AgendaSetter = (typeof AGENDA_SETTERS)[number];

/** A user gathering's two decisions, taken once for the whole gathering. */
export type GatheringDecisions = { expensesCovered: boolean; honorariumPaid: boolean };

/**
 * A meeting (møte) of a project. Its texts (agenda, minutes reference,
 * cancellation reason) are about the meeting, not one person: they stay plain
 * and may never hold a national id (like a project's name and description).
 */
export type MeetingRegistered = DomainEvent<
  'MeetingRegistered',
  {
    meetingId: string;
    projectId: string;
    form: InvolvementForm;
    heldOn: IsoDate;
    agenda: string | null;
    agendaSetBy: AgendaSetter | null;
    invitationSentAt: IsoInstant | null;
    documentsSharedAt: IsoInstant | null;
    minutesRef: string | null;
    /** Only for a user gathering; null for every other form. */
    gatheringDecisions: GatheringDecisions | null;
  }
>;

export type MeetingInvitationSent = DomainEvent<
  'MeetingInvitationSent',
  { meetingId: string; at: IsoInstant }
>;
export type MeetingDocumentsShared = DomainEvent<
  'MeetingDocumentsShared',
  { meetingId: string; at: IsoInstant }
>;
export type MeetingMinutesRecorded = DomainEvent<
  'MeetingMinutesRecorded',
  { meetingId: string; ref: string }
>;
/** Feedback to the participants on what became of their input, given once for everyone in the meeting. */
export type MeetingFeedbackGiven = DomainEvent<'MeetingFeedbackGiven', { meetingId: string; at: IsoInstant }>;
export type MeetingCancelled = DomainEvent<'MeetingCancelled', { meetingId: string; reason: string }>;

export type MeetingEvent =
  | MeetingRegistered
  | MeetingInvitationSent
  | MeetingDocumentsShared
  | MeetingMinutesRecorded
  | MeetingFeedbackGiven
  | MeetingCancelled;

export const MEETING_EVENT_TYPES: readonly MeetingEvent['type'][] = [
  'MeetingRegistered',
  'MeetingInvitationSent',
  'MeetingDocumentsShared',
  'MeetingMinutesRecorded',
  'MeetingFeedbackGiven',
  'MeetingCancelled',
];
