import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /v1/participants/{id}/honorarium', () => {
  let t: TestApp;
  let lead: string;
  let finance: string;

  beforeAll(async () => {
    t = await startTestApp();
    lead = await t.token({ sub: 'lead-1', roles: ['project-lead'] });
    finance = await t.token({ sub: 'fin-1', roles: ['finance'] });
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) =>
    t.http.post(path).set('Authorization', `Bearer ${lead}`).send(body);

  it('adds up every involvement in the period, line by line, and leaves voided ones out', async () => {
    const project = await post('/v1/projects', {
      name: 'P',
      organizationId: 'o',
      region: 'helse-midt-norge',
      level: 'service',
    }).expect(201);
    const participant = await post('/v1/participants', { name: 'Ánde Ŋuolja' }).expect(201);
    const log = (occurredOn: string, meeting: number, lostIncome?: object) =>
      post(`/v1/projects/${project.body.id}/involvements`, {
        participantId: participant.body.id,
        form: 'dialogue',
        occurredOn,
        attendance: 'in-person',
        hours: { meeting },
        ...(lostIncome ? { lostIncome } : {}),
      }).expect(201);
    await log('2025-03-10', 2);
    // Two involvements on one day: documented lost income is capped at 1,886 NOK for the day, across both.
    await log('2025-04-01', 1, { documented: true, amountOre: 150000 });
    await log('2025-04-01', 1, { documented: true, amountOre: 150000 });
    const voided = await log('2025-05-01', 3);
    await post(`/v1/involvements/${voided.body.id}/void`, { reason: 'Feilført' }).expect(200);
    await t.settled();

    const res = await t.http
      .get(`/v1/participants/${participant.body.id}/honorarium`)
      .set('Authorization', `Bearer ${finance}`)
      .expect(200);
    const meetings = (2 + 1 + 1) * 42900;
    expect(res.body).toMatchObject({ accruedOre: meetings + 188600, batchedOre: 0, paidOre: 0 });
    expect(
      res.body.lines.every((l: { guideline: { version: string } }) => l.guideline.version === '2016-01-01'),
    ).toBe(true);
    expect(res.body.accruedOre).toBe(
      res.body.lines.reduce((sum: number, l: { amountOre: number }) => sum + l.amountOre, 0),
    );

    const april = await t.http
      .get(`/v1/participants/${participant.body.id}/honorarium?from=2025-04-01&to=2025-04-30`)
      .set('Authorization', `Bearer ${finance}`)
      .expect(200);
    expect(april.body.accruedOre).toBe(2 * 42900 + 188600);
    await t.http
      .get(`/v1/participants/${participant.body.id}/honorarium?from=april`)
      .set('Authorization', `Bearer ${finance}`)
      .expect(400);
    await t.http
      .get(`/v1/participants/${participant.body.id}/honorarium`)
      .set('Authorization', `Bearer ${lead}`)
      .expect(403);
  });
});
