import {
  expectFieldErrors,
  expectProblem,
  expectRule,
  nationalId,
  ParticipationApi,
} from '../participation/support/builders';

/**
 * Meetings (møter) through HTTP: registered by admins and leads of the project,
 * updated as commands with If-Match, named by involvements of the same
 * project, form and day. The test clock stands at 2025-06-02.
 */
describe('meetings', () => {
  let api: ParticipationApi;

  beforeAll(async () => {
    api = await ParticipationApi.start();
  });
  afterAll(() => api.close());

  const meeting = async (projectId: string, body: object) => {
    const res = await api.post(`/v1/projects/${projectId}/meetings`, 'lead', body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id as string;
  };

  it('registers a meeting, reads it with its ETag and lists the project’s meetings in the order held', async () => {
    const projectId = await api.project();
    const later = await meeting(projectId, { form: 'user-council', heldOn: '2025-05-20' });
    const id = await meeting(projectId, {
      form: 'user-council',
      heldOn: '2025-03-10',
      agenda: 'Pasientreiser; budsjett 2026',
      agendaSetBy: 'users',
      invitationSentAt: '2025-02-24T09:00:00Z',
      documentsSharedAt: '2025-02-28T09:00:00Z',
      minutesRef: 'sak 2025/114',
    });
    const res = await api.get(`/v1/meetings/${id}`, 'auditor');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      id,
      projectId,
      form: 'user-council',
      heldOn: '2025-03-10',
      status: 'scheduled',
      agenda: 'Pasientreiser; budsjett 2026',
      agendaSetBy: 'users',
      invitationSentAt: '2025-02-24T09:00:00Z',
      documentsSharedAt: '2025-02-28T09:00:00Z',
      minutesRef: 'sak 2025/114',
      feedbackGivenAt: null,
      cancellationReason: null,
      gatheringDecisions: null,
      version: 1,
    });
    await api.t.settled();
    const list = await api.get(`/v1/projects/${projectId}/meetings`, 'lead');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([id, later]);
    expect(list.body.items[0]).toMatchObject({ heldOn: '2025-03-10', minutesRef: 'sak 2025/114' });
    expect(list.body.next).toBeNull();
    expectProblem(await api.get('/v1/projects/no-such-project/meetings', 'lead'), 404);
  });

  it('records updates as commands: If-Match, feedback, minutes, cancellation', async () => {
    const projectId = await api.project();
    const id = await meeting(projectId, { form: 'user-panel', heldOn: '2025-04-02' });
    const update = (body: object, ifMatch?: string) =>
      api.post(`/v1/meetings/${id}/updates`, 'lead', body, ifMatch ? { 'If-Match': ifMatch } : {});

    expectProblem(await update({ kind: 'invitation-sent', at: '2025-03-20T08:00:00Z' }, '"7"'), 412);
    const sent = await update({ kind: 'invitation-sent', at: '2025-03-20T08:00:00Z' }, '"1"');
    expect({ status: sent.status, body: sent.body }).toEqual({ status: 200, body: { version: 2 } });
    expect((await update({ kind: 'feedback-given', at: '2025-04-10T08:00:00Z' })).body).toEqual({
      version: 3,
    });
    expect((await update({ kind: 'minutes', ref: 'referat 2025-04-02' })).body).toEqual({ version: 4 });
    expectFieldErrors(await update({ kind: 'feedback-given' }), 'at');
    expectRule(
      await update({ kind: 'feedback-given', at: '2025-07-01T08:00:00Z' }),
      'meeting-record-in-future',
    );
    expectProblem(
      await api.post(`/v1/meetings/${id}/updates`, 'otherLead', { kind: 'minutes', ref: 'x' }),
      403,
    );

    expect((await update({ kind: 'cancelled', reason: 'For få påmeldte' })).status).toBe(200);
    expectRule(await update({ kind: 'minutes', ref: 'nytt referat' }), 'meeting-cancelled');
    const read = await api.get(`/v1/meetings/${id}`, 'lead');
    expect(read.body).toMatchObject({
      status: 'cancelled',
      invitationSentAt: '2025-03-20T08:00:00Z',
      feedbackGivenAt: '2025-04-10T08:00:00Z',
      minutesRef: 'referat 2025-04-02',
      cancellationReason: 'For få påmeldte',
      version: 5,
    });
    expectProblem(
      await api.post('/v1/meetings/no-such-meeting/updates', 'lead', { kind: 'minutes', ref: 'x' }),
      404,
    );
    expectProblem(await api.get('/v1/meetings/no-such-meeting', 'lead'), 404);
  });

  it('asks a gathering for its two decisions and no other form', async () => {
    const projectId = await api.project();
    const res = await api.post(`/v1/projects/${projectId}/meetings`, 'lead', {
      form: 'user-gathering',
      heldOn: '2025-04-02',
    });
    expectRule(res, 'gathering-decisions-required');
    expectRule(
      await api.post(`/v1/projects/${projectId}/meetings`, 'lead', {
        form: 'user-council',
        heldOn: '2025-04-02',
        gatheringDecisions: { expensesCovered: true, honorariumPaid: true },
      }),
      'gathering-decisions-only-for-gatherings',
    );
    expectFieldErrors(
      await api.post(`/v1/projects/${projectId}/meetings`, 'lead', {
        form: 'peer-support',
        heldOn: '2025-04-02',
      }),
      'form',
    );
    expectRule(
      await api.post(`/v1/projects/${projectId}/meetings`, 'lead', {
        form: 'dialogue',
        heldOn: '2025-04-02',
        agenda: `Om ${nationalId('010170')}`,
      }),
      'free-text-contains-national-id',
    );
  });

  it('lets an involvement name a meeting of the same project, form and day only (422 naming the rule)', async () => {
    const projectId = await api.project();
    const participantId = await api.participant();
    await api.appoint(projectId, participantId);
    const id = await meeting(projectId, { form: 'user-council', heldOn: '2025-03-10' });
    const log = (overrides: object, project = projectId) =>
      api.post(`/v1/projects/${project}/involvements`, 'lead', {
        participantId,
        form: 'user-council',
        occurredOn: '2025-03-10',
        attendance: 'in-person',
        hours: { meeting: 2 },
        meetingId: id,
        ...overrides,
      });
    const wrongDay = await log({ occurredOn: '2025-03-11' });
    expectRule(wrongDay, 'involvement-meeting-mismatch');
    expect(wrongDay.body.detail).toMatch(/occurredOn 2025-03-11 is not the meeting’s day 2025-03-10/);
    expectRule(await log({ form: 'dialogue' }), 'involvement-meeting-mismatch');
    expectRule(await log({ meetingId: 'no-such-meeting' }), 'involvement-meeting-mismatch');
    const other = await api.project();
    expectRule(await log({ form: 'dialogue' }, other), 'involvement-meeting-mismatch');

    const logged = await log({});
    expect(logged.status).toBe(201);
    const correction = await api.post(`/v1/involvements/${logged.body.id}/corrections`, 'lead', {
      changes: { occurredOn: '2025-03-12' },
      reason: 'Feil dato',
    });
    expectRule(correction, 'involvement-meeting-mismatch');
    const fine = await api.post(`/v1/involvements/${logged.body.id}/corrections`, 'lead', {
      changes: { hours: { meeting: 3 } },
      reason: 'Møtet varte lenger',
    });
    expect(fine.status).toBe(200);
  });

  it('records decision milestones on the project (leads and admins)', async () => {
    const projectId = await api.project();
    const res = await api.post(`/v1/projects/${projectId}/milestones`, 'lead', {
      kind: 'mandate-set',
      at: '2025-01-15T10:00:00Z',
      ref: 'styresak 3/25',
    });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201, body: { version: 3 } });
    expect((await api.get(`/v1/projects/${projectId}`, 'auditor')).body.milestones).toEqual([
      { id: res.body.id, kind: 'mandate-set', at: '2025-01-15T10:00:00Z', ref: 'styresak 3/25' },
    ]);
    expectFieldErrors(
      await api.post(`/v1/projects/${projectId}/milestones`, 'lead', {
        kind: 'kickoff',
        at: '2025-01-15T10:00:00Z',
      }),
      'kind',
    );
    expectRule(
      await api.post(`/v1/projects/${projectId}/milestones`, 'lead', {
        kind: 'decision-taken',
        at: '2025-09-01T10:00:00Z',
      }),
      'milestone-in-future',
    );
    expectProblem(
      await api.post(`/v1/projects/${projectId}/milestones`, 'otherLead', {
        kind: 'decision-taken',
        at: '2025-05-01T10:00:00Z',
      }),
      403,
    );
  });
});
