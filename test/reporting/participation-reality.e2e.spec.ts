import { ParticipationApi, expectProblem, type Actor } from '../participation/support/builders';
import {
  attendance,
  evidence,
  evidenceAsItHappened,
  feedback,
  influence,
  input,
  invitation,
} from './support/evidence';

/**
 * GET /v1/audit/projects/{id}/participation: indicators per involvement and
 * `real` / `symbolic-risk` per project (docs/domain.md, default thresholds). The
 * test clock stands at 2025-06-02.
 */
describe('participation reality of a project', () => {
  let api: ParticipationApi;
  let symbolic: string;
  let real: string;
  let alone: string;
  let lateIds: string[];

  /** A member and a leader: two seated representatives (a deputy only stands in). */
  async function appointedPair(projectId: string): Promise<[string, string]> {
    const a = await api.participant();
    const b = await api.participant({ name: 'Ola Åsen' });
    await api.appoint(projectId, a);
    await api.appoint(projectId, b, { role: 'leader' });
    return [a, b];
  }

  beforeAll(async () => {
    api = await ParticipationApi.start();

    // Invited two days ahead, heard and even adopted, but never told back.
    symbolic = await api.project({ name: 'Sen invitasjon' });
    const [a, b] = await appointedPair(symbolic);
    // Each meeting: invited two days ahead, attended, input given, adopted later.
    const meetings = [
      { participant: a, day: '2025-03-10', invited: '2025-03-08T08:00:00Z' },
      { participant: b, day: '2025-04-07', invited: '2025-04-05T08:00:00Z' },
    ];
    lateIds = [];
    for (const m of meetings) {
      const id = await api.involvement(symbolic, m.participant, { occurredOn: m.day });
      await evidence(api, id, invitation(m.invited));
      await evidence(api, id, attendance(`${m.day}T12:00:00Z`));
      await evidence(api, id, input(`${m.day}T12:00:00Z`));
      await evidence(api, id, influence('2025-05-20T10:00:00Z'));
      lateIds.push(id);
    }
    // Peer support and a voided involvement never count, whatever they lack.
    await api.involvement(symbolic, a, { form: 'peer-support', occurredOn: '2025-03-11' });

    // Documented, feedback given and recorded within 30 days, a decision that references the input,
    // two representatives. Invitation and attendance are logged afterwards, with the time they happened.
    real = await api.project({ name: 'Reell medvirkning' });
    const [c, d] = await appointedPair(real);
    for (const participant of [c, d]) {
      const id = await api.involvement(real, participant, { occurredOn: '2025-03-10' });
      await evidence(api, id, invitation('2025-02-24T08:00:00Z', '2025-02-25T08:00:00Z'));
      await evidence(api, id, attendance('2025-03-10T12:00:00Z'));
      await evidenceAsItHappened(api, id, feedback('2025-03-28T10:00:00Z'));
      await evidenceAsItHappened(api, id, influence('2025-04-01T10:00:00Z'));
    }
    const voided = await api.involvement(real, c, { occurredOn: '2025-03-12' });
    expect((await api.post(`/v1/involvements/${voided}/void`, 'lead', { reason: 'Feilført' })).status).toBe(
      200,
    );

    // Everything recorded, but only one appointed user representative.
    alone = await api.project({ name: 'Alene' });
    const e = await api.participant();
    await api.appoint(alone, e);
    const solo = await api.involvement(alone, e, { occurredOn: '2025-03-10' });
    await evidence(api, solo, invitation('2025-02-24T08:00:00Z'));
    await evidence(api, solo, attendance('2025-03-10T12:00:00Z'));
    await evidenceAsItHappened(api, solo, feedback('2025-03-20T10:00:00Z'));
    await evidenceAsItHappened(api, solo, influence('2025-03-25T10:00:00Z'));
    await api.t.settled();
  }, 120_000);

  afterAll(() => api.close());

  const reality = (projectId: string, who: Actor = 'auditor') =>
    api.get(`/v1/audit/projects/${projectId}/participation`, who);

  it('late invitations and no feedback: symbolic-risk with those reasons', async () => {
    const res = await reality(symbolic);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      projectId: symbolic,
      classification: 'symbolic-risk',
      reasons: ['late-invitations', 'no-feedback'],
      appointedRepresentatives: 2,
      thresholds: { invitationDays: 7, feedbackDays: 30, minRepresentatives: 2 },
      excluded: { voided: 0, notParticipation: 1 },
    });
    expect(res.body.explanations[0]).toMatchObject({
      reason: 'late-invitations',
      message: '2 of 2 involvements not invited with documents at least 7 days before',
      involvementIds: expect.arrayContaining(lateIds),
    });
    expect(res.body.involvements).toHaveLength(2);
    expect(res.body.involvements[0]).toMatchObject({
      involvementId: lateIds[0],
      occurredOn: '2025-03-10',
      form: 'user-council',
      indicators: { invitedInGoodTime: false, attended: true, heard: true, toldBack: false, influence: true },
    });
  });

  it('feedback, documented influence and two appointed representatives: real', async () => {
    const res = await reality(real);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ classification: 'real', reasons: [], excluded: { voided: 1 } });
    expect(res.body.involvements.map((i: { indicators: object }) => i.indicators)).toEqual([
      { invitedInGoodTime: true, attended: true, heard: true, toldBack: true, influence: true },
      { invitedInGoodTime: true, attended: true, heard: true, toldBack: true, influence: true },
    ]);
    expect(res.body.involvements[0]).toMatchObject({ notDocumented: [], findings: [] });
  });

  it('fewer than two appointed user representatives is a reason of its own', async () => {
    const res = await reality(alone);
    expect(res.body).toMatchObject({
      classification: 'symbolic-risk',
      reasons: ['too-few-representatives'],
      appointedRepresentatives: 1,
    });
  });

  it('auditors, admins and the project lead may read it; other leads and finance may not', async () => {
    expect((await reality(real, 'admin')).status).toBe(200);
    expect((await reality(real, 'lead')).status).toBe(200);
    expectProblem(await reality(real, 'otherLead'), 403);
    expectProblem(await reality(real, 'finance'), 403);
    expectProblem(await reality(real, 'none'), 401);
  });

  it('an unknown project is 404', async () => {
    expectProblem(await reality('00000000-0000-4000-8000-000000000000'), 404);
  });

  it('each read is an audit query in the access log', async () => {
    await reality(alone);
    const { rows } = await api.t.db.pool.query(`SELECT actor, action FROM access_log WHERE subject = $1`, [
      alone,
    ]);
    expect(rows).toContainEqual({ actor: 'auditor-aud', action: 'audit-query' });
  });
});
