import { InvolvementForm, IsoDate, IsoInstant } from '../common';
import { AgendaSetter, GatheringDecisions } from './meeting.events';

export type MeetingState =
  | { status: 'none' }
  | {
      status: 'scheduled' | 'cancelled';
      meetingId: string;
      projectId: string;
      form: InvolvementForm;
      heldOn: IsoDate;
      agenda: string | null;
      agendaSetBy: AgendaSetter | null;
      invitationSentAt: IsoInstant | null;
      documentsSharedAt: IsoInstant | null;
      minutesRef: string | null;
      feedbackGivenAt: IsoInstant | null;
      cancellationReason: string | null;
      gatheringDecisions: GatheringDecisions | null;
    };

export type RecordedMeeting = Extract<MeetingState, { meetingId: string }>;

export const initialMeetingState = (): MeetingState => ({ status: 'none' });
