import {
  ParticipationApi,
  expectFieldErrors,
  expectProblem,
  expectRule,
} from '../participation/support/builders';
import { ok } from './support/year';

const ORG = 'helse-mangfold';
const WRITTEN = { writtenConsentRef: 'Skannet samtykke 2025/114' };
const FFO_SAMI = { attributes: { sami: true, userOrganization: 'FFO' }, ...WRITTEN };

/**
 * Perspective and representation breadth through HTTP: consent recorded only
 * sealed, reported only in aggregate with counts below 5 suppressed (checked
 * at 4 and at 5), erased on withdrawal and when the person is forgotten.
 */
describe('perspective and representation breadth', () => {
  let api: ParticipationApi;
  let project: string;
  let people: string[];
  let absentee: string;

  const breadth = async () => {
    await api.t.settled();
    return ok(await api.get(`/v1/reports/breadth?year=2025&organizationId=${ORG}`, 'auditor'), 200).body;
  };
  const consent = (id: string, body: object = FFO_SAMI) =>
    api.post(`/v1/participants/${id}/breadth-consent`, 'admin', body);
  const keyOf = async (personId: string) =>
    (await api.t.db.pool.query('SELECT wrapped_key FROM personal_data_keys WHERE person_id = $1', [personId]))
      .rows[0];

  beforeAll(async () => {
    api = await ParticipationApi.start();
    project = await api.project({
      name: 'Samtalegruppe psykisk helse',
      organizationId: ORG,
      level: 'service',
    });
    people = [];
    for (let i = 0; i < 5; i += 1) {
      const id = await api.participant({ name: `Deltaker ${i + 1}` });
      await api.involvement(project, id, { form: 'dialogue', occurredOn: '2025-04-10', expenses: [] });
      people.push(id);
    }
    absentee = await api.participant({ name: 'Borte Bortesen' });
    await api.involvement(project, absentee, {
      form: 'dialogue',
      occurredOn: '2025-04-10',
      attendance: 'absent',
      hours: { meeting: 0, preparation: 0, travel: 0 },
      expenses: [],
    });
  });
  afterAll(() => api.close());

  it('records consent with the attributes sealed: nothing of them in plaintext in the log', async () => {
    const res = ok(
      await consent(people[0], {
        attributes: { ageBand: '30-49', serviceArea: 'Rus og psykisk helse' },
        ...WRITTEN,
      }),
      201,
    );
    expect(res.body).toEqual({ version: 1, consentId: `${people[0]}.1` });
    const { rows } = await api.t.db.pool.query(`SELECT type, data FROM events WHERE stream_id = $1`, [
      `representation-${people[0]}`,
    ]);
    expect(rows.map((r: { type: string }) => r.type)).toEqual(['BreadthConsentGiven']);
    expect(rows[0].data.attributes).toMatch(/^pii:v1:/);
    expect(rows[0].data.writtenConsentRef).toMatch(/^pii:v1:/);
    expect(rows[0].data.givenBy).toBe('admin-on-written-consent');
    const stored = JSON.stringify(rows[0].data).toLowerCase();
    for (const plain of ['30-49', 'rus og psykisk', 'skannet']) expect(stored).not.toContain(plain);
  });

  it('needs the written consent when an admin records it (422), valid attributes (400) and a known participant (404)', async () => {
    expectRule(await consent(people[1], { attributes: { sami: true } }), 'written-consent-required');
    expectFieldErrors(
      await consent(people[1], { attributes: { ageBand: '40', hobby: 'fotball', sami: 'ja' }, ...WRITTEN }),
      'attributes.ageBand',
      'attributes.hobby',
      'attributes.sami',
    );
    expectFieldErrors(await consent(people[1], { attributes: {}, ...WRITTEN }), 'attributes');
    expectProblem(await consent('finnes-ikke'), 404);
    expectFieldErrors(
      await api.post(`/v1/participants/${people[1]}/perspective`, 'admin', { perspectives: ['bruker'] }),
      'perspectives[0]',
    );
    expectFieldErrors(
      await api.post(`/v1/participants/${people[1]}/perspective`, 'admin', { perspectives: [] }),
      'perspectives',
    );
  });

  it('lets a representative give and withdraw their own consent and declare their perspective, never another’s', async () => {
    const me = await api.participant({ name: 'Máret Sara' });
    const asRepresentative = async (participantId: string) => {
      const token = await api.t.token({
        sub: `rep-${participantId}`,
        roles: ['representative'],
        participantId,
      });
      return (path: string, body: object) =>
        api.t.http
          .post(path)
          .set({ Authorization: `Bearer ${token}` })
          .send(body);
    };
    const mine = await asRepresentative(me);
    const someoneElse = await asRepresentative(people[1]);
    const events = async () =>
      (
        await api.t.db.pool.query(
          `SELECT type, data FROM events WHERE stream_id = $1 ORDER BY global_position`,
          [`representation-${me}`],
        )
      ).rows as Array<{ type: string; data: Record<string, unknown> }>;

    // Another representative may not speak for them: 403, nothing recorded.
    expectProblem(await someoneElse(`/v1/participants/${me}/breadth-consent`, FFO_SAMI), 403);
    expectProblem(await someoneElse(`/v1/participants/${me}/perspective`, { perspectives: ['user'] }), 403);
    expectProblem(await someoneElse(`/v1/participants/${me}/breadth-consent/withdraw`, {}), 403);
    expect(await events()).toEqual([]);

    // Their own word needs no written consent on file.
    const given = ok(
      await mine(`/v1/participants/${me}/breadth-consent`, { attributes: { sami: true, ageBand: '30-49' } }),
      201,
    );
    expect(given.body).toEqual({ version: 1, consentId: `${me}.1` });
    ok(await mine(`/v1/participants/${me}/perspective`, { perspectives: ['next-of-kin'] }), 200);
    ok(await mine(`/v1/participants/${me}/breadth-consent/withdraw`, {}), 200);
    const recorded = await events();
    expect(recorded.map((e) => e.type)).toEqual([
      'BreadthConsentGiven',
      'PerspectiveRecorded',
      'BreadthConsentWithdrawn',
    ]);
    expect(recorded[0].data).toMatchObject({ givenBy: 'participant', writtenConsentRef: null });
    expect(await keyOf(`breadth-consent:${me}.1`)).toEqual({ wrapped_key: null });
  });

  it('lets no other staff role give or withdraw consent or declare a perspective', async () => {
    for (const who of ['lead', 'finance', 'auditor'] as const) {
      expectProblem(await api.post(`/v1/participants/${people[1]}/breadth-consent`, who, FFO_SAMI), 403);
      expectProblem(await api.post(`/v1/participants/${people[1]}/breadth-consent/withdraw`, who, {}), 403);
      expectProblem(
        await api.post(`/v1/participants/${people[1]}/perspective`, who, { perspectives: ['user'] }),
        403,
      );
    }
    expectProblem(await api.get(`/v1/reports/breadth?year=2025&organizationId=${ORG}`, 'lead'), 403);
    expectProblem(await api.get(`/v1/reports/breadth?year=2025&organizationId=${ORG}`, 'finance'), 403);
  });

  it('suppresses a count of 4 and shows a count of 5', async () => {
    // people[0] replaces their first consent: its key is destroyed, its attributes gone for good.
    for (const id of people.slice(0, 4)) ok(await consent(id), 201);
    for (const id of people.slice(0, 4))
      ok(await api.post(`/v1/participants/${id}/perspective`, 'admin', { perspectives: ['user'] }), 200);
    expect(await keyOf(`breadth-consent:${people[0]}.1`)).toEqual({ wrapped_key: null });
    const { rows } = await api.t.db.pool.query(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'PerspectiveRecorded'`,
      [`representation-${people[0]}`],
    );
    expect(rows[0].data.perspectives).toMatch(/^pii:v1:/);

    const four = await breadth();
    expect(four.organisation).toMatchObject({
      people: 5,
      consented: null,
      sami: null,
      perspectives: { user: null, nextOfKin: null, notRecorded: null },
      userOrganizations: { groups: [], smallGroupsHidden: true },
    });
    expect(four.projects[0].indicator).toEqual({ perspectivesCovered: 1, groupsCovered: null });
    // The audit of the project shows the same indicator (it replaces "not alone"), to its lead too.
    const audited = async (who: 'auditor' | 'lead') =>
      ok(await api.get(`/v1/audit/projects/${project}/participation`, who), 200).body.breadth;
    expect(await audited('auditor')).toEqual({ perspectivesCovered: 1, groupsCovered: null });

    ok(await consent(people[4]), 201);
    ok(
      await api.post(`/v1/participants/${people[4]}/perspective`, 'admin', {
        perspectives: ['user', 'next-of-kin'],
      }),
      200,
    );
    const five = await breadth();
    expect(five.organisation).toMatchObject({
      people: 5,
      consented: 5,
      sami: 5,
      minorityBackground: null,
      perspectives: { user: 5, nextOfKin: null, notRecorded: null },
      userOrganizations: { groups: [{ value: 'ffo', count: 5 }], smallGroupsHidden: false },
    });
    expect(five.projects).toEqual([
      expect.objectContaining({
        projectId: project,
        name: 'Samtalegruppe psykisk helse',
        level: 'service',
        indicator: { perspectivesCovered: 2, groupsCovered: 2 },
      }),
    ]);
    expect(await audited('lead')).toEqual({ perspectivesCovered: 2, groupsCovered: 2 });
    // The absent participant is not among the people who took part.
    expect(JSON.stringify(five)).not.toContain(absentee);
  });

  it('erases the attributes on withdrawal: the count falls back below 5 and the consent’s key is destroyed', async () => {
    const res = ok(
      await api.post(`/v1/participants/${people[4]}/breadth-consent/withdraw`, 'admin', {}),
      200,
    );
    expect(await keyOf(`breadth-consent:${people[4]}.1`)).toEqual({ wrapped_key: null });
    expect((await breadth()).organisation).toMatchObject({ consented: null, sami: null });
    const again = ok(
      await api.post(`/v1/participants/${people[4]}/breadth-consent/withdraw`, 'admin', {}),
      200,
    );
    expect(again.body.version).toBe(res.body.version);
  });

  it('erases them when the person is forgotten', async () => {
    ok(await consent(people[4]), 201);
    expect((await breadth()).organisation.sami).toBe(5);
    ok(await api.post(`/v1/participants/${people[4]}/forget`, 'admin'), 200);
    // Their perspective (user and next of kin) went with them: 4 users are fewer than 5.
    expect((await breadth()).organisation).toMatchObject({
      consented: null,
      sami: null,
      perspectives: { user: null, notRecorded: null },
    });
    expectRule(await consent(people[4]), 'participant-forgotten');
  });
});
