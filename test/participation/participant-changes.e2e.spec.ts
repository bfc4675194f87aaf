import { PayoutsApi } from '../payouts/support/payouts-api';
import { expectFieldErrors, expectProblem, expectRule, type ParticipationApi } from './support/builders';

/**
 * Revision 2 (docs/domain.md, docs/adr/0027): a participant's employment, bank
 * account and contact details change over time, each a command through HTTP
 * that must name the version it is based on (If-Match: 428 without it, 412
 * when stale); personal data is sealed per person like registration, erased by
 * forget; the payout file carries the current account.
 */
describe('participant changes through HTTP', () => {
  let payouts: PayoutsApi;
  let api: ParticipationApi;

  beforeAll(async () => {
    payouts = await PayoutsApi.start();
    api = payouts.p;
  });
  afterAll(() => payouts.close());

  const etagOf = async (participantId: string) =>
    (await api.get(`/v1/participants/${participantId}`, 'admin').expect(200)).headers.etag;
  const change = (
    participantId: string,
    what: string,
    body: object,
    ifMatch?: string,
    who: 'admin' | 'lead' | 'otherLead' | 'finance' = 'admin',
  ) =>
    api.post(
      `/v1/participants/${participantId}/${what}`,
      who,
      body,
      ifMatch === undefined ? {} : { 'If-Match': ifMatch },
    );
  const rowsHolding = async (text: string) =>
    (
      await api.t.db.pool.query('SELECT count(*)::int AS n FROM events WHERE data::text LIKE $1', [
        `%${text}%`,
      ])
    ).rows[0].n as number;

  describe.each([
    ['employment', { employedBy: ['stolav'], from: '2025-08-01' }],
    ['bank-account', { bankAccount: '1503.12.34562' }],
    ['contact', { email: 'maret@example.no' }],
  ])('POST /v1/participants/{id}/%s', (what, body) => {
    it('answers 428 without If-Match, or with *, and appends nothing', async () => {
      const participantId = await api.participant();
      const before = await api.eventCount(`participant-${participantId}`);
      for (const ifMatch of [undefined, '*']) {
        const res = await change(participantId, what, body, ifMatch);
        expectProblem(res, 428);
        expect(res.body.detail).toMatch(/requires If-Match/);
      }
      expect(await api.eventCount(`participant-${participantId}`)).toBe(before);
    });

    it('answers 412 to a stale version, and 200 with the new ETag to the current one', async () => {
      const participantId = await api.participant();
      const etag = await etagOf(participantId);
      const ok = await change(participantId, what, body, etag);
      expect({ status: ok.status, body: ok.body }).toEqual({ status: 200, body: { version: 2 } });
      expect(ok.headers.etag).toBe('"2"');
      expect(await etagOf(participantId)).toBe('"2"');
      expectProblem(await change(participantId, what, body, etag), 412);
    });
  });

  it('shows the new bank account and contact details, and no event holds them in plaintext', async () => {
    const participantId = await api.participant({ email: 'gammel@example.no' });
    expect(
      (await change(participantId, 'bank-account', { bankAccount: '9710.05.00004' }, '"1"')).status,
    ).toBe(200);
    expect(
      (await change(participantId, 'contact', { email: null, address: 'Sjøgata 3, 8006 Bodø' }, '"2"'))
        .status,
    ).toBe(200);
    const read = (await api.get(`/v1/participants/${participantId}`, 'finance').expect(200)).body;
    expect(read).toMatchObject({
      bankAccount: '97100500004',
      email: null,
      address: 'Sjøgata 3, 8006 Bodø',
      name: 'Máret Ŋuolja',
      version: 3,
    });
    expect(await rowsHolding('97100500004')).toBe(0);
    expect(await rowsHolding('Sjøgata')).toBe(0);
    const types = (
      await api.t.db.pool.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY version', [
        `participant-${participantId}`,
      ])
    ).rows.map((r) => r.type);
    expect(types).toEqual([
      'ParticipantRegistered',
      'ParticipantBankAccountChanged',
      'ParticipantContactChanged',
    ]);
  });

  it('refuses a bad account or e-mail with 400 naming the field, and a missing account', async () => {
    const participantId = await api.participant();
    expectFieldErrors(
      await change(participantId, 'bank-account', { bankAccount: '1234.56.78900' }, '"1"'),
      'bankAccount',
    );
    expectFieldErrors(await change(participantId, 'bank-account', {}, '"1"'), 'bankAccount');
    expectFieldErrors(await change(participantId, 'contact', { email: 'ikke-en-adresse' }, '"1"'), 'email');
    expectFieldErrors(await change(participantId, 'contact', {}, '"1"'), 'body');
    expectFieldErrors(
      await change(participantId, 'employment', { employedBy: ['x'], from: '2025-02-30' }, '"1"'),
      'from',
    );
    expect(await api.eventCount(`participant-${participantId}`)).toBe(1);
  });

  it('lets a lead change only a person they may read; finance may change a bank account', async () => {
    const participantId = await api.participant({}, 'lead');
    const res = await change(participantId, 'contact', { email: 'x@example.no' }, '"1"', 'otherLead');
    expectProblem(res, 403);
    expect(res.body.detail).toMatch(/may change only a participant whose personal data they may read/);
    expect((await change(participantId, 'contact', { email: 'x@example.no' }, '"1"', 'lead')).status).toBe(
      200,
    );
    expect(
      (await change(participantId, 'bank-account', { bankAccount: '6011.05.12344' }, '"2"', 'finance'))
        .status,
    ).toBe(200);
    expectProblem(
      await change(participantId, 'employment', { employedBy: [], from: '2025-01-01' }, '"3"', 'finance'),
      403,
    );
  });

  it('erases the changed data with the person: forget, then it reads as forgotten, changes are refused, the log verifies', async () => {
    const participantId = await api.participant();
    expect(
      (await change(participantId, 'bank-account', { bankAccount: '8601.11.17947' }, '"1"')).status,
    ).toBe(200);
    await api.post(`/v1/participants/${participantId}/forget`, 'admin').expect(200);
    const read = (await api.get(`/v1/participants/${participantId}`, 'admin').expect(200)).body;
    expect(read).toMatchObject({ status: 'forgotten', personalData: null });
    expect(read.bankAccount).toBeUndefined();
    const history = (await api.get(`/v1/audit/participants/${participantId}/history`, 'auditor')).body;
    const changed = history.items.find((e: { type: string }) => e.type === 'ParticipantBankAccountChanged');
    expect(changed.personalData).toEqual({ sealed: { forgotten: true } });
    expectRule(
      await change(participantId, 'contact', { email: 'y@example.no' }, '"3"'),
      'participant-forgotten',
    );
    expectRule(
      await change(participantId, 'employment', { employedBy: [], from: '2025-01-01' }, '"3"'),
      'participant-forgotten',
    );
    expect((await api.post('/v1/audit/verify', 'auditor')).body).toMatchObject({
      verified: true,
      failures: [],
    });
  });

  it('pays the next batch to the changed account (the file opens the account current at export)', async () => {
    const organizationId = 'helse-bank';
    const projectId = await api.project({ organizationId });
    const participantId = await api.participant();
    await api.appoint(projectId, participantId);
    await api.involvement(projectId, participantId);
    expect(
      (await change(participantId, 'bank-account', { bankAccount: '1503.12.34562' }, '"1"')).status,
    ).toBe(200);
    const drafted = await payouts.draft('2025-05-31', 'frode', { organizationId });
    expect(drafted.status).toBe(201);
    expect((await payouts.post(`/v1/payout-batches/${drafted.body.id}/approve`, 'fiona')).status).toBe(200);
    const exported = async () =>
      (
        await api.get(`/v1/payout-batches/${drafted.body.id}/export?format=json`, 'finance').expect(200)
      ).body.lines.map((l: { bankAccount: string }) => l.bankAccount);
    expect(new Set(await exported())).toEqual(new Set(['15031234562']));
    // Not frozen at approval: a change after it reaches the file exported after it (docs/adr/0027).
    expect(
      (await change(participantId, 'bank-account', { bankAccount: '9710.05.00004' }, '"2"')).status,
    ).toBe(200);
    expect(new Set(await exported())).toEqual(new Set(['97100500004']));
  });
});
