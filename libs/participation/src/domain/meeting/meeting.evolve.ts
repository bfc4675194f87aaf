import { assertNever } from '../common';
import { MeetingEvent } from './meeting.events';
import { MeetingState } from './meeting.state';

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingRegistered')
    return { status: 'scheduled', ...event.data, feedbackGivenAt: null, cancellationReason: null };
  // Only MeetingRegistered can start the stream; anything else before it is ignored rather than invented.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'MeetingInvitationSent':
      return { ...state, invitationSentAt: event.data.at };
    case 'MeetingDocumentsShared':
      return { ...state, documentsSharedAt: event.data.at };
    case 'MeetingMinutesRecorded':
      return { ...state, minutesRef: event.data.ref };
    case 'MeetingFeedbackGiven':
      return { ...state, feedbackGivenAt: event.data.at };
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled', cancellationReason: event.data.reason };
    default:
      return assertNever(event);
  }
}
