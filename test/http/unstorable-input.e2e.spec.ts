import {
  expectFieldErrors,
  nationalId,
  ParticipationApi,
  type Actor,
} from '../participation/support/builders';

/**
 * Issue 12, items 7 and 8: a control character in a path or query parameter,
 * U+0000 in a JSON body, or a body nested thousands of levels deep once gave
 * 500 (PostgreSQL cannot store U+0000; validation and canonical JSON recurse).
 * Each is a 400 problem+json naming the parameter, the field or the rule.
 */
describe('input the database cannot store, or the server cannot walk', () => {
  let api: ParticipationApi;
  beforeAll(async () => {
    api = await ParticipationApi.start();
  });
  afterAll(() => api.close());

  const NUL = '%00';
  const reads: Array<[string, Actor, string]> = [
    [`/v1/involvements/${NUL}`, 'admin', 'id'],
    [`/v1/projects/${NUL}`, 'admin', 'id'],
    [`/v1/projects/${NUL}/involvements`, 'admin', 'id'],
    [`/v1/participants/${NUL}`, 'admin', 'id'],
    [`/v1/participants/${NUL}/honorarium`, 'admin', 'id'],
    [`/v1/payout-batches/${NUL}`, 'finance', 'id'],
    [`/v1/payout-batches/${NUL}/export`, 'finance', 'id'],
    [`/v1/guidelines/${NUL}/versions`, 'admin', 'region'],
    [`/v1/audit/streams/${NUL}`, 'auditor', 'streamId'],
    [`/v1/audit/participants/${NUL}/history`, 'auditor', 'id'],
    [`/v1/audit/projects/${NUL}/participation`, 'auditor', 'id'],
    [`/v1/audit/events/${NUL}/proof`, 'auditor', 'position'],
    [`/v1/audit/events?stream=${NUL}`, 'auditor', 'stream'],
    [`/v1/audit/events?type=a${NUL}b`, 'auditor', 'type'],
    [`/v1/audit/events?actor=${NUL}`, 'auditor', 'actor'],
    [`/v1/audit/access-log?subject=${NUL}`, 'auditor', 'subject'],
    [`/v1/reports/annual?year=2025&organizationId=${NUL}`, 'auditor', 'organizationId'],
    [`/v1/involvements/x?asOf=${NUL}`, 'admin', 'asOf'],
    [`/v1/projects/x/involvements?after=%0D%0A`, 'admin', 'after'],
    [`/v1/participants/x/honorarium?from=%E2%80%AE`, 'admin', 'from'],
  ];

  it.each(reads)('GET %s: 400 naming the parameter', async (path, who, field) => {
    expectFieldErrors(await api.get(path, who), field);
  });

  const commands: Array<[string, Actor, object, string]> = [
    [`/v1/involvements/${NUL}/void`, 'admin', { reason: 'x' }, 'id'],
    [`/v1/involvements/${NUL}/corrections`, 'admin', { changes: { topic: 'x' }, reason: 'x' }, 'id'],
    [`/v1/involvements/${NUL}/evidence`, 'admin', { kind: 'input', at: '2025-03-10T10:00:00Z' }, 'id'],
    [`/v1/projects/${NUL}/leads`, 'admin', { sub: 'x', name: 'x' }, 'id'],
    [`/v1/participants/${NUL}/forget`, 'admin', {}, 'id'],
    [`/v1/appointments/${NUL}/end`, 'admin', { endedOn: '2025-05-01' }, 'id'],
    [`/v1/payout-batches/${NUL}/approve`, 'finance', {}, 'id'],
    [`/v1/payout-batches/${NUL}/cancel`, 'finance', { reason: 'x' }, 'id'],
  ];

  it.each(commands)('POST %s: 400 naming the parameter, nothing stored', async (path, who, body, field) => {
    const before = await api.eventCount();
    expectFieldErrors(await api.post(path, who, body), field);
    expect(await api.eventCount()).toBe(before);
  });

  it('an anonymous caller still gets 401 first', async () => {
    expect((await api.get(`/v1/involvements/${NUL}`, 'none')).status).toBe(401);
  });

  it('U+0000 in a JSON body string or key: 400 naming the field, nothing stored', async () => {
    const projectId = await api.project();
    const before = await api.eventCount();
    const nul = '\u0000';
    expectFieldErrors(
      await api.post('/v1/projects', 'lead', {
        name: `Pasient${nul}reise`,
        organizationId: 'helse-nord',
        region: 'helse-midt-norge',
        level: 'service',
      }),
      'name',
    );
    expectFieldErrors(
      await api.post('/v1/participants', 'lead', { name: 'Ola', employedBy: ['a', `b${nul}`] }),
      'employedBy[1]',
    );
    expectFieldErrors(
      await api.post(`/v1/projects/${projectId}/involvements`, 'lead', {
        participantId: 'p',
        form: 'user-gathering',
        occurredOn: '2025-03-10',
        attendance: 'in-person',
        hours: { meeting: 1 },
        expenses: [{ kind: 'ticket', amountOre: 100, receiptRef: `kv${nul}` }],
      }),
      'expenses[0].receiptRef',
    );
    const raw = await api.post('/v1/projects', 'lead', '{"name":"x","a\\u0000b":1}');
    expect(raw.status).toBe(400);
    expect(raw.body.errors[0].message).toMatch(/NUL/);
    expect(await api.eventCount()).toBe(before);
  });

  it.each(['Ola\r\nNordmann', 'Ola\tNordmann', '\u202Enamdron alO'])(
    'a participant named %j: 400 naming the field (item 13: names reach the payout CSV)',
    async (name) => {
      const before = await api.eventCount();
      const res = await api.post('/v1/participants', 'lead', { name });
      expectFieldErrors(res, 'name');
      expect(res.body.errors[0].message).toMatch(/control characters/);
      expect(await api.eventCount()).toBe(before);
    },
  );

  it.each(['Pasient\r\nreiser', 'Pasient\treiser', '\u202Eresierneitsap'])(
    'a project named %j, or with such an organisation id or lead sub: 400 naming the field (item 13: project names reach the HTML report)',
    async (text) => {
      const projectId = await api.project();
      const before = await api.eventCount();
      const project = {
        name: 'Pasientreiser',
        organizationId: 'helse-nord',
        region: 'helse-midt-norge',
        level: 'service',
      };
      expectFieldErrors(await api.post('/v1/projects', 'lead', { ...project, name: text }), 'name');
      expectFieldErrors(
        await api.post('/v1/projects', 'lead', { ...project, organizationId: text }),
        'organizationId',
      );
      const lead = await api.post(`/v1/projects/${projectId}/leads`, 'lead', { sub: text, name: 'Per' });
      expectFieldErrors(lead, 'sub');
      expect(lead.body.errors[0].message).toMatch(/control characters/);
      expect(await api.eventCount()).toBe(before);
    },
  );

  const unusableSubs: Array<[string, RegExp]> = [
    ['ad\u0000min', /control character/],
    ['ad\uD800min', /unpaired surrogate/],
    ['ad\r\nmin', /control character/],
    ['\u202Enimda', /bidirectional formatting character/],
    [nationalId('150765'), /national identity number/],
    [`nin-${nationalId('150765')}`, /national identity number/],
  ];

  it.each(unusableSubs)(
    'a verified token whose sub is %j: 401 naming the rule, nothing stored (the sub is every event’s actor)',
    async (sub, rule) => {
      const token = await api.t.token({ sub, roles: ['admin'] });
      const before = await api.eventCount();
      const res = await api.t.http.post('/v1/projects').set('Authorization', `Bearer ${token}`).send({
        name: 'Pasientreiser',
        organizationId: 'helse-nord',
        region: 'helse-midt-norge',
        level: 'service',
      });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(rule);
      expect(await api.eventCount()).toBe(before);
    },
  );

  const nested = (levels: number) => `{"name":${'['.repeat(levels)}${']'.repeat(levels)}}`;
  const bodies: Array<[string, Actor]> = [
    ['/v1/projects', 'lead'],
    ['/v1/participants', 'lead'],
    ['/v1/projects/x/involvements', 'lead'],
    ['/v1/involvements/x/corrections', 'lead'],
    ['/v1/guidelines/helse-midt-norge/versions', 'admin'],
    ['/v1/payout-batches', 'finance'],
  ];

  it.each(bodies)(
    'POST %s with 2,000 and 100,000 levels of nesting: 400 naming the rule',
    async (path, who) => {
      for (const levels of [2_000, 100_000]) {
        const res = await api.post(path, who, nested(levels));
        expectFieldErrors(res, 'body');
        expect(res.body.errors[0].message).toMatch(/more than 32 levels/);
      }
    },
  );

  it('32 levels still reach validation (which then says what is wrong with the field)', async () => {
    const res = await api.post('/v1/projects', 'lead', nested(30));
    expectFieldErrors(res, 'name');
  });
});
