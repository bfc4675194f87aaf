import type { FixedClock } from '@app/shared-kernel';
import { ParticipationApi } from '../participation/support/builders';
import { attendance, evidence, evidenceAsItHappened, influence, input } from '../reporting/support/evidence';

const DAY = '2025-03-10';

/**
 * Evidence given once per meeting counts for every involvement in it; "involved
 * early" against the project's milestones; a held meeting without involvements
 * is not documented; the annual report counts meetings. Test clock: 2025-06-02.
 */
describe('meetings in the reality indicators and the annual report', () => {
  let api: ParticipationApi;

  beforeAll(async () => {
    api = await ParticipationApi.start();
  }, 60_000);
  afterAll(() => api.close());

  const asItHappened = async <T>(at: string, work: () => Promise<T>): Promise<T> => {
    const clock = api.t.clock as FixedClock;
    const now = clock.now();
    clock.set(at);
    try {
      return await work();
    } finally {
      clock.set(now);
    }
  };
  const reality = async (projectId: string) => {
    await api.t.settled();
    const res = await api.get(`/v1/audit/projects/${projectId}/participation`, 'auditor');
    expect(res.status).toBe(200);
    return res.body;
  };
  /** A gathering invited two weeks ahead with its documents; feedback given and recorded ten days after. */
  async function gathering(projectId: string, heldOn = DAY, options: { feedback?: 'timely' | 'late' } = {}) {
    const res = await api.post(`/v1/projects/${projectId}/meetings`, 'lead', {
      form: 'user-gathering',
      heldOn,
      invitationSentAt: '2025-02-24T08:00:00Z',
      documentsSharedAt: '2025-02-24T08:00:00Z',
      gatheringDecisions: { expensesCovered: true, honorariumPaid: true },
    });
    expect(res.status).toBe(201);
    const meetingId = res.body.id as string;
    const feedback = { kind: 'feedback-given', at: '2025-03-20T10:00:00Z' };
    if (options.feedback === 'timely')
      await asItHappened(feedback.at, () => api.post(`/v1/meetings/${meetingId}/updates`, 'lead', feedback));
    if (options.feedback === 'late') await api.post(`/v1/meetings/${meetingId}/updates`, 'lead', feedback);
    return meetingId;
  }
  /** Attended, heard, influence: but no invitation or feedback of its own. */
  async function attend(projectId: string, meetingId: string, occurredOn = DAY) {
    const id = await api.involvement(projectId, await api.participant(), {
      form: 'user-gathering',
      occurredOn,
      meetingId,
    });
    await evidence(api, id, attendance(`${occurredOn}T12:00:00Z`));
    await evidence(api, id, input(`${occurredOn}T12:00:00Z`));
    await evidenceAsItHappened(api, id, influence('2025-03-25T10:00:00Z'));
    return id;
  }

  it('counts the meeting’s invitation and feedback for every involvement in it', async () => {
    const projectId = await api.project({ name: 'Brukersamling om ventetid' });
    const meetingId = await gathering(projectId, DAY, { feedback: 'timely' });
    const [a, b] = [await attend(projectId, meetingId), await attend(projectId, meetingId)];
    const body = await reality(projectId);
    expect(body).toMatchObject({ classification: 'real', reasons: [] });
    for (const id of [a, b])
      expect(body.involvements.find((i: { involvementId: string }) => i.involvementId === id)).toMatchObject({
        meetingId,
        indicators: { invitedInGoodTime: true, attended: true, heard: true, toldBack: true, influence: true },
        notDocumented: [],
        findings: [],
      });
  });

  it('judges the meeting’s feedback by when it was recorded, for everyone in it', async () => {
    const projectId = await api.project();
    const meetingId = await gathering(projectId, DAY, { feedback: 'late' });
    await attend(projectId, meetingId);
    await attend(projectId, meetingId);
    const body = await reality(projectId);
    expect(body.reasons).toEqual(['no-feedback']);
    expect(body.involvements.map((i: { findings: string[] }) => i.findings)).toEqual([
      ['feedback-late'],
      ['feedback-late'],
    ]);
  });

  it('is only real when its meetings are documented: a held meeting with no involvement recorded is not-documented', async () => {
    const projectId = await api.project();
    const meetingId = await gathering(projectId, DAY, { feedback: 'timely' });
    await attend(projectId, meetingId);
    await gathering(projectId, '2025-04-07');
    const body = await reality(projectId);
    expect(body.reasons).toEqual(['not-documented']);
    expect(body.explanations[0].message).toMatch(
      /1 meetings held without any involvement recorded: 2025-04-07 user-gathering/,
    );
  });

  describe('involved early (E8)', () => {
    const milestone = (projectId: string, kind: string, at: string) =>
      api.post(`/v1/projects/${projectId}/milestones`, 'lead', { kind, at }).expect(201);

    it('is not-involved-early when the options were chosen before users first met', async () => {
      const projectId = await api.project();
      await milestone(projectId, 'mandate-set', '2025-01-10T10:00:00Z');
      await milestone(projectId, 'options-chosen', '2025-02-15T10:00:00Z');
      await milestone(projectId, 'decision-taken', '2025-05-15T10:00:00Z');
      await attend(projectId, await gathering(projectId, DAY, { feedback: 'timely' }));
      const body = await reality(projectId);
      expect(body).toMatchObject({
        classification: 'symbolic-risk',
        reasons: ['not-involved-early'],
        involvedEarly: {
          early: false,
          firstMeetingWithUsers: DAY,
          firstMilestoneAfterMandate: { kind: 'options-chosen', on: '2025-02-15' },
        },
      });
      expect(body.explanations).toEqual([
        {
          reason: 'not-involved-early',
          message:
            'the first meeting with users (2025-03-10) does not come before the first milestone after the mandate (options-chosen on 2025-02-15)',
          involvementIds: [],
        },
      ]);
    });

    it('is early when users met before the first milestone after the mandate, and not judged before one exists', async () => {
      const projectId = await api.project();
      await milestone(projectId, 'mandate-set', '2025-01-10T10:00:00Z');
      await attend(projectId, await gathering(projectId, DAY, { feedback: 'timely' }));
      expect((await reality(projectId)).involvedEarly).toEqual({
        early: null,
        firstMeetingWithUsers: DAY,
        firstMilestoneAfterMandate: null,
      });
      await milestone(projectId, 'options-chosen', '2025-04-01T10:00:00Z');
      const body = await reality(projectId);
      expect(body).toMatchObject({ classification: 'real', involvedEarly: { early: true } });
    });
  });

  it('counts the year’s meetings by level and form, cancelled ones excluded, and the person-meetings in them', async () => {
    const organizationId = 'helse-møre-og-romsdal';
    const system = await api.project({ organizationId, level: 'system' });
    const service = await api.project({ organizationId, level: 'service' });
    const held = await gathering(system, DAY);
    await attend(system, held);
    await attend(system, held);
    await gathering(service, '2025-04-07');
    const cancelled = await gathering(service, '2025-05-05');
    await api
      .post(`/v1/meetings/${cancelled}/updates`, 'lead', { kind: 'cancelled', reason: 'Avlyst' })
      .expect(200);
    await gathering(system, '2024-11-11');
    await api.t.settled();

    const res = await api.get(
      `/v1/reports/annual?year=2025&organizationId=${encodeURIComponent(organizationId)}`,
      'auditor',
    );
    expect(res.status).toBe(200);
    expect(res.body.meetings).toEqual({
      total: 2,
      byLevel: { individual: 0, service: 1, system: 1 },
      byForm: expect.objectContaining({ 'user-gathering': 2, 'user-council': 0 }),
      personMeetings: 2,
      cancelled: 1,
    });
    const html = await api.get(
      `/v1/reports/annual?year=2025&organizationId=${encodeURIComponent(organizationId)}&format=html`,
      'auditor',
    );
    expect(html.text).toContain('Meetings (møter)');
    expect(html.text).toMatch(/Person-meetings \(participants present in them\)<\/td><td class="n">2</);
  });
});
