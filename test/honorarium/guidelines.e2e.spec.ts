import { FixedClock } from '@app/shared-kernel';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A guideline version derived from the latest shipped helse-midt-norge one
 * (2026-12-01, which names the forms it pays, as a publication must), with
 * another meeting rate.
 */
async function nextVersion(t: TestApp, admin: string, effectiveFrom: string, memberRateOre: number) {
  const res = await t.http
    .get('/v1/guidelines/helse-midt-norge/versions')
    .set('Authorization', `Bearer ${admin}`)
    .expect(200);
  const latestShipped = res.body.items.find((v: { version: string }) => v.version === '2026-12-01');
  const { publishedAt: _a, publishedBy: _b, ...base } = latestShipped;
  return {
    ...base,
    version: effectiveFrom,
    effectiveFrom,
    rules: base.rules.map((rule: { kind: string; rate?: object }) =>
      rule.kind === 'meeting-hourly'
        ? { ...rule, rate: { defaultOre: memberRateOre, byRole: { member: memberRateOre, leader: 60000 } } }
        : rule,
    ),
  };
}

describe('guideline versions through HTTP', () => {
  let t: TestApp;
  let admin: string;
  let lead: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: new FixedClock('2025-06-02T09:00:00.000Z') });
    admin = await t.token({ sub: 'admin-1', roles: ['admin'] });
    lead = await t.token({ sub: 'lead-1', roles: ['project-lead'] });
  });
  afterAll(() => t.close());

  const post = (path: string, auth: string, body: object) =>
    t.http.post(path).set('Authorization', `Bearer ${auth}`).send(body);
  const get = (path: string, auth: string) => t.http.get(path).set('Authorization', `Bearer ${auth}`);

  async function involvementOn(day: string): Promise<string> {
    const project = await post('/v1/projects', lead, {
      name: 'P',
      organizationId: 'o',
      region: 'helse-midt-norge',
      level: 'service',
    }).expect(201);
    const participant = await post('/v1/participants', lead, { name: 'Åse' }).expect(201);
    const logged = await post(`/v1/projects/${project.body.id}/involvements`, lead, {
      participantId: participant.body.id,
      // A gathering decided paid: a form every version paying by form pays, needing no appointment.
      form: 'user-gathering',
      honorariumDecision: 'paid',
      occurredOn: day,
      attendance: 'in-person',
      hours: { meeting: 2 },
    }).expect(201);
    return logged.body.id;
  }

  const total = async (id: string) => (await get(`/v1/involvements/${id}`, lead).expect(200)).body.honorarium;

  it('lists the shipped regions and versions', async () => {
    const res = await get('/v1/guidelines', lead).expect(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        {
          region: 'helse-midt-norge',
          versions: [
            expect.objectContaining({ version: '2016-01-01', label: 'illustrative', publishedBy: null }),
            expect.objectContaining({ version: '2026-12-01', label: 'illustrative', publishedBy: null }),
          ],
        },
        expect.objectContaining({ region: 'helse-bergen-neuro-sysmed' }),
      ]),
    );
  });

  it('applies the version in force on the day; publishing later never changes a past calculation', async () => {
    const before = await involvementOn('2025-03-10');
    expect(await total(before)).toMatchObject({ totalOre: 2 * 42900, guideline: { version: '2016-01-01' } });

    await post(
      '/v1/guidelines/helse-midt-norge/versions',
      lead,
      await nextVersion(t, admin, '2025-05-01', 50000),
    ).expect(403);
    await post(
      '/v1/guidelines/helse-midt-norge/versions',
      admin,
      await nextVersion(t, admin, '2025-05-01', 50000),
    ).expect(201);
    // Even a version dated back before the involvement leaves its calculation as it was.
    await post(
      '/v1/guidelines/helse-midt-norge/versions',
      admin,
      await nextVersion(t, admin, '2025-01-01', 45000),
    ).expect(201);
    expect(await total(before)).toMatchObject({ totalOre: 2 * 42900, guideline: { version: '2016-01-01' } });

    const after = await involvementOn('2025-06-01');
    expect(await total(after)).toMatchObject({
      totalOre: 2 * 50000,
      guideline: { region: 'helse-midt-norge', version: '2025-05-01' },
    });

    // A correction re-prices with the versions published by then.
    await post(`/v1/involvements/${before}/corrections`, lead, {
      changes: { hours: { meeting: 1 } },
      reason: 'Kortere møte',
    }).expect(200);
    expect(await total(before)).toMatchObject({ totalOre: 45000, guideline: { version: '2025-01-01' } });
  });

  it('refuses a bad guideline with the reason, and a version that exists with 409', async () => {
    const bad = await post('/v1/guidelines/helse-midt-norge/versions', admin, {
      region: 'helse-midt-norge',
      rules: [],
    }).expect(400);
    expect(bad.body.errors.length).toBeGreaterThan(0);
    await post(
      '/v1/guidelines/helse-midt-norge/versions',
      admin,
      await nextVersion(t, admin, '2016-01-01', 1),
    ).expect(409);
    await post(
      '/v1/guidelines/other-region/versions',
      admin,
      await nextVersion(t, admin, '2025-07-01', 1),
    ).expect(400);
  });

  it('refuses a guideline whose text holds a national identity number with 422 naming the field', async () => {
    // Synthetic (Tenor) number: valid in form, belongs to no one.
    const guideline = { ...(await nextVersion(t, admin, '2025-08-01', 1)), note: 'Spør 158385 10075' };
    const res = await post('/v1/guidelines/helse-midt-norge/versions', admin, guideline).expect(422);
    expect(res.body).toMatchObject({ rule: 'free-text-contains-national-id' });
    expect(res.body.detail).toContain('note holds one');
  });
});
