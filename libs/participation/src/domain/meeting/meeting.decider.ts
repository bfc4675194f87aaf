import { decideMeeting } from './meeting.decide';
import { evolveMeeting } from './meeting.evolve';
import { initialMeetingState } from './meeting.state';

/** The Meeting aggregate as an Emmett-style decider. */
export const meetingDecider = {
  decide: decideMeeting,
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};
