import { Conflict, NotFound } from '@app/shared-kernel';
import { ProjectState } from '../project/project.state';
import { deciderSpec } from '../testing/given-when-then';
import { MeetingContext, RegisterMeeting, UpdateMeeting } from './meeting.commands';
import { meetingDecider } from './meeting.decider';
import { MeetingRegistered } from './meeting.events';
import { enforceMeetingMembership } from './meeting-membership';

const spec = deciderSpec<
  Parameters<typeof meetingDecider.decide>[0],
  ReturnType<typeof meetingDecider.decide>[number],
  ReturnType<typeof meetingDecider.initialState>,
  MeetingContext
>(meetingDecider);
const project: ProjectState = {
  status: 'registered',
  projectId: 'p-1',
  name: 'Ny pasientreise',
  organizationId: 'org-1',
  region: 'helse-midt-norge',
  level: 'system',
  leads: ['lead-1'],
};
const context: MeetingContext = { now: '2025-06-02T09:00:00Z', today: '2025-06-02', project };

const register = (data: Partial<RegisterMeeting['data']> = {}): RegisterMeeting => ({
  type: 'RegisterMeeting',
  data: { meetingId: 'm-1', projectId: 'p-1', form: 'user-council', heldOn: '2025-03-10', ...data },
});
const registered = (data: Partial<MeetingRegistered['data']> = {}): MeetingRegistered => ({
  type: 'MeetingRegistered',
  data: {
    meetingId: 'm-1',
    projectId: 'p-1',
    form: 'user-council',
    heldOn: '2025-03-10',
    agenda: null,
    agendaSetBy: null,
    invitationSentAt: null,
    documentsSharedAt: null,
    minutesRef: null,
    gatheringDecisions: null,
    ...data,
  },
});
const update = (data: Omit<UpdateMeeting['data'], 'meetingId'>): UpdateMeeting => ({
  type: 'UpdateMeeting',
  data: { meetingId: 'm-1', ...data },
});

describe('Meeting decider', () => {
  describe('RegisterMeeting', () => {
    it('registers a meeting with its agenda, who set it and its minutes reference', () => {
      spec()
        .when(register({ agenda: ' Budsjett ', agendaSetBy: 'users', minutesRef: 'sak 1/25' }), context)
        .then(registered({ agenda: 'Budsjett', agendaSetBy: 'users', minutesRef: 'sak 1/25' }));
    });

    it('registers a gathering with its two decisions, and refuses one without them', () => {
      const decisions = { expensesCovered: true, honorariumPaid: false };
      spec()
        .when(register({ form: 'user-gathering', gatheringDecisions: decisions }), context)
        .then(registered({ form: 'user-gathering', gatheringDecisions: decisions }));
      spec()
        .when(register({ form: 'user-gathering' }), context)
        .thenViolates('gathering-decisions-required');
      spec()
        .when(register({ gatheringDecisions: decisions }), context)
        .thenViolates('gathering-decisions-only-for-gatherings');
      spec()
        .when(register({ form: 'user-gathering', gatheringDecisions: { expensesCovered: 'yes' } }), context)
        .thenInvalid('gatheringDecisions.expensesCovered', 'gatheringDecisions.honorariumPaid');
    });

    it('refuses peer support, an unknown project, a second registration and an invitation in the future', () => {
      spec()
        .when(register({ form: 'peer-support' }), context)
        .thenInvalid('form');
      spec()
        .when(register(), { ...context, project: { status: 'unregistered' } })
        .thenThrows(NotFound);
      spec(registered()).when(register(), context).thenThrows(Conflict);
      spec()
        .when(register({ invitationSentAt: '2025-06-03T00:00:00Z' }), context)
        .thenViolates('meeting-record-in-future');
    });
  });

  describe('UpdateMeeting', () => {
    it('records invitation, documents, feedback and minutes, and nothing again for a retry', () => {
      spec(registered())
        .when(update({ kind: 'feedback-given', at: '2025-03-20T10:00:00Z' }), context)
        .then({ type: 'MeetingFeedbackGiven', data: { meetingId: 'm-1', at: '2025-03-20T10:00:00Z' } });
      spec(registered({ minutesRef: 'sak 1/25' }))
        .when(update({ kind: 'minutes', ref: 'sak 1/25' }), context)
        .thenNothingHappened();
      spec(registered())
        .when(update({ kind: 'invitation-sent' }), context)
        .thenInvalid('at');
    });

    it('refuses anything after a cancellation, and an unknown meeting', () => {
      const cancelled = { type: 'MeetingCancelled' as const, data: { meetingId: 'm-1', reason: 'Avlyst' } };
      spec(registered(), cancelled)
        .when(update({ kind: 'minutes', ref: 'x' }), context)
        .thenViolates('meeting-cancelled');
      spec()
        .when(update({ kind: 'minutes', ref: 'x' }), context)
        .thenThrows(NotFound);
    });
  });

  it('lets an involvement belong only to a meeting of the same project, form and day', () => {
    const meeting = [registered()].reduce(meetingDecider.evolve, meetingDecider.initialState());
    const member = { projectId: 'p-1', form: 'user-council', occurredOn: '2025-03-10' };
    expect(() => enforceMeetingMembership(member, 'm-1', meeting)).not.toThrow();
    for (const other of [{ projectId: 'p-2' }, { form: 'dialogue' }, { occurredOn: '2025-03-11' }])
      expect(() => enforceMeetingMembership({ ...member, ...other }, 'm-1', meeting)).toThrow(
        /involvement-meeting-mismatch|same project, of the same form, held on the same day/,
      );
  });
});
