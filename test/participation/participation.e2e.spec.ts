import { SignJWT } from 'jose';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshNationalId, nationalId } from './support/builders';

const SECRET = 'e2e-only-secret-0123456789-abcdefghijklmnop';

async function token(sub: string, ...roles: string[]): Promise<string> {
  return new SignJWT({ name: sub, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));
}

describe('participation through HTTP', () => {
  let t: TestApp;
  let lead: string;
  let otherLead: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({
      env: { AUTH_JWT_SECRET: SECRET, PII_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') },
    });
    [lead, otherLead, admin] = await Promise.all([
      token('lead-kari', 'project-lead'),
      token('lead-ola', 'project-lead'),
      token('admin-1', 'admin'),
    ]);
  });
  afterAll(() => t.close());

  const post = (path: string, auth: string, body: object, headers: Record<string, string> = {}) =>
    t.http.post(path).set('Authorization', `Bearer ${auth}`).set(headers).send(body);
  const get = (path: string, auth: string) => t.http.get(path).set('Authorization', `Bearer ${auth}`);

  async function project(): Promise<string> {
    const res = await post('/v1/projects', lead, {
      name: 'Ny pasientreise-ordning',
      organizationId: 'helse-nord',
      region: 'helse-midt-norge',
      level: 'system',
    }).expect(201);
    return res.body.id;
  }

  async function participant(
    name = 'Máret Ŋuolja-Čoavddáš Ærø',
    id: string = freshNationalId(),
  ): Promise<string> {
    const res = await post('/v1/participants', lead, {
      name,
      nationalId: id,
      bankAccount: '1234.56.78903',
    }).expect(201);
    return res.body.id;
  }

  it('registers a project; the registering lead becomes its lead; GET answers with an ETag and as of an instant', async () => {
    const before = new Date(t.clock.now().getTime() - 1000).toISOString();
    const id = await project();
    const res = await get(`/v1/projects/${id}`, lead).expect(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({
      id,
      name: 'Ny pasientreise-ordning',
      region: 'helse-midt-norge',
      level: 'system',
      leads: [{ sub: 'lead-kari' }],
      version: 2,
    });
    await get(`/v1/projects/${id}?asOf=${before}`, lead).expect(404);
    await get(`/v1/projects/${id}?asOf=yesterday`, lead).expect(400);
  });

  it('refuses a region with no honorarium guideline with 422 naming the rule', async () => {
    const res = await post('/v1/projects', lead, {
      name: 'X',
      organizationId: 'o',
      region: 'atlantis',
      level: 'service',
    }).expect(422);
    expect(res.body).toMatchObject({ status: 422, rule: 'unknown-region' });
  });

  it('keeps personal data out of the event log and opens it for an admin', async () => {
    const name = 'Sámi Ŧuommáš Đávgi Šiellá Žánná';
    const id = await participant(name, nationalId('150765', '005'));
    const res = await get(`/v1/participants/${id}`, admin).expect(200);
    expect(res.body).toMatchObject({
      id,
      name,
      nationalId: nationalId('150765', '005'),
      bankAccount: '12345678903',
      status: 'active',
    });
    // The whole raw log, every column as text: neither the name nor the national id is anywhere.
    const raw = await t.db.pool.query(`SELECT string_agg(e::text, ' ') AS log FROM events e`);
    expect(raw.rows[0].log).not.toContain('Ŧuommáš');
    expect(raw.rows[0].log).not.toContain(nationalId('150765', '005'));
    expect(raw.rows[0].log).not.toContain('12345678903');
    const own = await t.db.pool.query(`SELECT data::text AS data FROM events WHERE stream_id = $1`, [
      `participant-${id}`,
    ]);
    expect(own.rows[0].data).toMatch(/pii:v1:/);
  });

  it('refuses an invalid national identity number with 400 naming the field', async () => {
    const res = await post('/v1/participants', lead, { name: 'Kari', nationalId: '12345678901' }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'nationalId' })]);
  });

  it('appoints, logs an involvement and reads it back; the domain rules answer 422', async () => {
    const projectId = await project();
    const participantId = await participant();
    await post(`/v1/projects/${projectId}/appointments`, lead, {
      participantId,
      role: 'member',
      nominatedBy: 'Brukerutvalget',
      appointedBy: 'Styret',
      from: '2025-01-01',
    }).expect(201);
    await t.settled();
    const logged = await post(`/v1/projects/${projectId}/involvements`, lead, {
      participantId,
      form: 'user-council',
      occurredOn: '2025-03-10',
      attendance: 'in-person',
      hours: { meeting: 2.67, preparation: 1.17 },
      expenses: [{ kind: 'mileage', km: 84 }],
      topic: 'Ny pasientreise-ordning',
    }).expect(201);
    const res = await get(`/v1/involvements/${logged.body.id}`, lead).expect(200);
    expect(res.body).toMatchObject({
      projectId,
      participantId,
      form: 'user-council',
      occurredOn: '2025-03-10',
      status: 'logged',
      version: 1,
    });
    expect(res.headers.etag).toBe('"1"');
    // docs/guidelines.md's worked example: meeting 3.0 h + preparation 1.5 h at 429, 84 km at 5.00 (294.00 tax-free).
    expect(res.body.honorarium).toMatchObject({
      totalOre: 235050,
      guideline: { region: 'helse-midt-norge', version: '2016-01-01' },
    });
    expect(res.body.honorarium.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: expect.any(String),
          amountOre: 128700,
          rateOre: 42900,
          taxable: true,
        }),
      ]),
    );
    await post(`/v1/involvements/${logged.body.id}/corrections`, lead, {
      changes: { hours: { meeting: 2 } },
      reason: 'Feil varighet',
    }).expect(200);
    const corrected = await get(`/v1/involvements/${logged.body.id}`, lead).expect(200);
    expect(corrected.body.honorarium.totalOre).toBe(235050 - 128700 + 2 * 42900);

    const future = await post(`/v1/projects/${projectId}/involvements`, lead, {
      participantId,
      form: 'dialogue',
      occurredOn: '2099-01-01',
      attendance: 'remote',
      hours: { meeting: 1 },
    }).expect(422);
    expect(future.body.rule).toBe('involvement-in-future');

    const other = await participant('Ola Nordmann');
    const noAppointment = await post(`/v1/projects/${projectId}/involvements`, lead, {
      participantId: other,
      form: 'user-panel',
      occurredOn: '2025-03-10',
      attendance: 'in-person',
      hours: { meeting: 2 },
    }).expect(422);
    expect(noAppointment.body.rule).toBe('appointment-required');
  });

  it('lets only the leads of a project act on it', async () => {
    const projectId = await project();
    const participantId = await participant();
    await post(`/v1/projects/${projectId}/involvements`, otherLead, {
      participantId,
      form: 'dialogue',
      occurredOn: '2025-03-10',
      attendance: 'remote',
      hours: { meeting: 1 },
    }).expect(403);
    await post(`/v1/projects/${projectId}/leads`, lead, { sub: 'lead-ola', name: 'Ola Nordmann' }).expect(
      200,
    );
    // A co-lead logs for the project's people: those appointed to it (docs/adr/0011).
    await post(`/v1/projects/${projectId}/appointments`, lead, {
      participantId,
      role: 'member',
      nominatedBy: 'Brukerutvalget',
      appointedBy: 'Styret',
      from: '2025-01-01',
    }).expect(201);
    await t.settled();
    await post(`/v1/projects/${projectId}/involvements`, otherLead, {
      participantId,
      form: 'dialogue',
      occurredOn: '2025-03-10',
      attendance: 'remote',
      hours: { meeting: 1 },
    }).expect(201);
  });

  it('appends nothing for a repeated Idempotency-Key', async () => {
    const body = {
      name: 'Samme prosjekt',
      organizationId: 'helse-vest',
      region: 'helse-midt-norge',
      level: 'service',
    };
    const first = await post('/v1/projects', lead, body, { 'Idempotency-Key': 'k-1' }).expect(201);
    const again = await post('/v1/projects', lead, body, { 'Idempotency-Key': 'k-1' }).expect(201);
    expect(again.body).toEqual(first.body);
    const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [
      `project-${first.body.id}`,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('corrects and voids with new events, keeps the original in the history, and refuses a stale If-Match with 412', async () => {
    const projectId = await project();
    const participantId = await participant();
    const logged = await post(`/v1/projects/${projectId}/involvements`, lead, {
      participantId,
      form: 'dialogue',
      occurredOn: '2025-03-10',
      attendance: 'in-person',
      hours: { meeting: 2 },
    }).expect(201);
    const id = logged.body.id;
    await post(
      `/v1/involvements/${id}/corrections`,
      lead,
      { changes: { hours: { meeting: 3 } }, reason: 'Møtet varte lenger' },
      { 'If-Match': '"1"' },
    ).expect(200);
    const stale = await post(
      `/v1/involvements/${id}/corrections`,
      lead,
      { changes: { topic: 'x' }, reason: 'r' },
      { 'If-Match': '"1"' },
    ).expect(412);
    expect(stale.body.status).toBe(412);
    await post(`/v1/involvements/${id}/evidence`, lead, {
      kind: 'feedback',
      at: '2025-03-20T10:00:00Z',
      summary: 'Innspillet ble tatt inn i planen',
    }).expect(201);
    const read = await get(`/v1/involvements/${id}`, lead).expect(200);
    expect(read.body).toMatchObject({
      hours: { meeting: 3 },
      version: 3,
      evidence: [expect.objectContaining({ kind: 'feedback' })],
    });
    await post(`/v1/involvements/${id}/void`, lead, { reason: 'Ført på feil prosjekt' }).expect(200);
    const again = await post(`/v1/involvements/${id}/corrections`, lead, {
      changes: { topic: 'y' },
      reason: 'r',
    }).expect(422);
    expect(again.body.rule).toBe('involvement-voided');
    const history = await t.db.pool.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY version', [
      `involvement-${id}`,
    ]);
    expect(history.rows.map((r: { type: string }) => r.type)).toEqual([
      'InvolvementLogged',
      'InvolvementCorrected',
      'EvidenceAdded',
      'InvolvementVoided',
    ]);
    await post(`/v1/involvements/${id}/void`, lead, {}).expect(400);
  });

  it('forgets a person: personal data reads as forgotten while the events and their hashes stay', async () => {
    const id = await participant('Glemt Gløgg');
    const before = await t.db.pool.query('SELECT hash, data::text AS data FROM events WHERE stream_id = $1', [
      `participant-${id}`,
    ]);
    await post(`/v1/participants/${id}/forget`, lead, {}).expect(403);
    await post(`/v1/participants/${id}/forget`, admin, {}).expect(200);
    const res = await get(`/v1/participants/${id}`, admin).expect(200);
    expect(res.body).toMatchObject({ id, status: 'forgotten', personalData: null });
    expect(JSON.stringify(res.body)).not.toContain('Gløgg');
    const after = await t.db.pool.query(
      'SELECT hash, data::text AS data FROM events WHERE stream_id = $1 ORDER BY version',
      [`participant-${id}`],
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it("lists a project's involvements page by page, newest day first", async () => {
    const projectId = await project();
    const participantId = await participant();
    for (const day of ['2025-03-01', '2025-03-03', '2025-03-02'])
      await post(`/v1/projects/${projectId}/involvements`, lead, {
        participantId,
        form: 'dialogue',
        occurredOn: day,
        attendance: 'remote',
        hours: { meeting: 1 },
      }).expect(201);
    await t.settled();
    const first = await get(`/v1/projects/${projectId}/involvements?limit=2`, lead).expect(200);
    expect(first.body.items.map((i: { occurredOn: string }) => i.occurredOn)).toEqual([
      '2025-03-03',
      '2025-03-02',
    ]);
    expect(first.body.items[0]).toMatchObject({
      projectId,
      participantId,
      form: 'dialogue',
      status: 'logged',
      loggedBy: 'lead-kari',
    });
    const second = await get(
      `/v1/projects/${projectId}/involvements?limit=2&after=${first.body.next}`,
      lead,
    ).expect(200);
    expect(second.body).toMatchObject({
      items: [expect.objectContaining({ occurredOn: '2025-03-01' })],
      next: null,
    });
    await get(`/v1/projects/${projectId}/involvements?limit=5000`, lead).expect(400);
    await get(`/v1/projects/${projectId}/involvements?after=garbage`, lead).expect(400);
    await get(`/v1/projects/${projectId}/involvements`, await token('fin-1', 'finance')).expect(403);
  });

  it('lets a lead read only people they registered or appointed to their projects, and logs every read', async () => {
    const projectId = await project();
    const participantId = await participant();
    // The lead who registered the person reads them at once (docs/adr/0011); no other lead does.
    await get(`/v1/participants/${participantId}`, otherLead).expect(403);
    await get(`/v1/participants/${participantId}`, lead).expect(200);
    await post(`/v1/projects/${projectId}/appointments`, lead, {
      participantId,
      role: 'member',
      nominatedBy: 'FFO',
      appointedBy: 'Direktør',
      from: '2025-01-01',
    }).expect(201);
    await t.settled();
    await get(`/v1/participants/${participantId}`, lead).expect(200);
    await get(`/v1/participants/${participantId}`, otherLead).expect(403);
    await get(`/v1/participants/${participantId}`, admin).expect(200);
    const log = await t.db.pool.query('SELECT actor, action FROM access_log WHERE subject = $1 ORDER BY id', [
      participantId,
    ]);
    expect(log.rows).toEqual([
      { actor: 'lead-kari', action: 'read-personal-data' },
      { actor: 'lead-kari', action: 'read-personal-data' },
      { actor: 'admin-1', action: 'read-personal-data' },
    ]);
  });
});
