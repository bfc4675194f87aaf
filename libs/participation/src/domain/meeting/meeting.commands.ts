import { DomainCommand, IsoDate, IsoInstant } from '../common';
import { ProjectState } from '../project/project.state';

/** Input as it arrives from the API: loosely typed, checked by the decider. */
export type MeetingInput = {
  form: string;
  heldOn: IsoDate;
  agenda?: string | null;
  agendaSetBy?: string | null;
  invitationSentAt?: IsoInstant | null;
  documentsSharedAt?: IsoInstant | null;
  minutesRef?: string | null;
  gatheringDecisions?: { expensesCovered?: unknown; honorariumPaid?: unknown } | null;
};

export type RegisterMeeting = DomainCommand<
  'RegisterMeeting',
  { meetingId: string; projectId: string } & MeetingInput
>;

/** What can later be recorded about a meeting; each is one event. */
export const MEETING_UPDATE_KINDS = [
  'invitation-sent',
  'documents-shared',
  'minutes',
  'feedback-given',
  'cancelled',
] as const;
export type MeetingUpdateKind = (typeof MEETING_UPDATE_KINDS)[number];

export type MeetingUpdateInput = { kind: string; at?: IsoInstant; ref?: string; reason?: string };

export type UpdateMeeting = DomainCommand<'UpdateMeeting', { meetingId: string } & MeetingUpdateInput>;

export type MeetingCommand = RegisterMeeting | UpdateMeeting;

/** `now` from the handler's clock (the domain never reads one); `today` its day in Norway. */
export type MeetingContext = { now: IsoInstant; today: IsoDate; project?: ProjectState };
