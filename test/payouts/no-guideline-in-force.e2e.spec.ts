import type { Response } from 'supertest';
import type { FixedClock } from '@app/shared-kernel';
import { ResponseValidator, type OpenApiDocument } from '../fuzz/support/openapi';
import { expectRule } from '../participation/support/builders';
import { PayoutsApi } from './support/payouts-api';

const REGION = 'helse-bergen-neuro-sysmed';
/** The region's first shipped version takes effect 2025-05-06. */
const FIRST_EFFECTIVE = '2025-05-06';
const ORG = 'helse-bergen';
const TICKET_450_KR = 45_000;

/**
 * Issue 13, item 2: an involvement dated before its region's first guideline
 * showed `honorarium: null`, as a voided one does, and silently dropped out of
 * the ledger, the draft and the report: a 450 kr ticket was owed to nobody and
 * nobody was told. Now it is unpriced, `no-guideline-in-force`, everywhere,
 * until a version covering its day is published; then it is priced and owed.
 */
describe('never silently unpriced: no guideline in force on the day', () => {
  let api: PayoutsApi;
  let projectId: string;
  let participantId: string;
  let early: string;
  let voided: string;
  let afterFirst: string;
  let doc: OpenApiDocument;
  let validator: ResponseValidator;

  beforeAll(async () => {
    api = await PayoutsApi.start();
    projectId = await api.p.project({ organizationId: ORG, region: REGION });
    participantId = await api.p.participant({ name: 'Sigrid Sæbø', nationalId: undefined });
    await api.p.appoint(projectId, participantId);
    const ticketOn = (occurredOn: string) =>
      api.p.involvement(projectId, participantId, {
        occurredOn,
        hours: { meeting: 2 },
        expenses: [{ kind: 'ticket', amountOre: TICKET_450_KR, receiptRef: 'kvittering-1' }],
      });
    early = await ticketOn('2025-03-10');
    voided = await ticketOn('2025-03-12');
    expect(
      (await api.p.post(`/v1/involvements/${voided}/void`, 'lead', { reason: 'feilregistrert' })).status,
    ).toBe(200);
    afterFirst = await ticketOn('2025-05-20');
    await api.p.t.settled();
    doc = (await api.p.t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    validator = new ResponseValidator(doc);
  });
  afterAll(() => api.close());

  /** The answer is what the OpenAPI document says this operation answers with this status. */
  const expectDocumented = (res: Response, path: string, method: 'get' | 'post') => {
    const media = String(res.headers['content-type']).split(';')[0];
    const schema = doc.paths[path][method].responses[String(res.status)]?.content?.[media]?.schema;
    expect(schema).toBeDefined();
    expect(validator.check(schema as object, res.body)).toBeNull();
  };
  const involvement = async (id: string) => {
    const res = await api.p.get(`/v1/involvements/${id}`, 'admin');
    expect(res.status).toBe(200);
    expectDocumented(res, '/v1/involvements/{id}', 'get');
    return res.body;
  };
  const report = async () => {
    await api.p.t.settled();
    const res = await api.p.get(`/v1/reports/annual?year=2025&organizationId=${ORG}`, 'auditor');
    expect(res.status).toBe(200);
    return res.body;
  };
  const ledger = async () => {
    await api.p.t.settled();
    const res = await api.p.get(`/v1/participants/${participantId}/honorarium`, 'finance');
    expect(res.status).toBe(200);
    expectDocumented(res, '/v1/participants/{id}/honorarium', 'get');
    return res.body as {
      accruedOre: number;
      lines: Array<{ involvementId: string }>;
      unpriced: Array<{ involvementId: string }>;
    };
  };
  const ids = (entries: Array<{ involvementId: string }>) => entries.map((e) => e.involvementId);

  const noGuideline = () => ({
    status: 'no-guideline-in-force',
    involvementId: early,
    region: REGION,
    firstEffectiveFrom: FIRST_EFFECTIVE,
    reason: expect.stringMatching(new RegExp(`${early}.*2025-03-10.*${FIRST_EFFECTIVE}`)),
  });

  it('a voided involvement stays out of everything: no calculation, not unpriced, not drafted', async () => {
    const body = await involvement(voided);
    expect(body.status).toBe('voided');
    expect(body.honorarium).toBeNull();
    const owed = await ledger();
    expect(ids(owed.unpriced)).not.toContain(voided);
    expect(ids(owed.lines)).not.toContain(voided);
    const drafted = await api.draft('2025-05-31', 'frode', { organizationId: ORG });
    expect(ids(drafted.body.unpriced ?? [])).not.toContain(voided);
    if (drafted.status === 201)
      expect((await api.batch(drafted.body.id)).lines.map((l) => l.involvementId)).not.toContain(voided);
    expect(ids((await report()).economy.unpriced)).not.toContain(voided);
  });

  it('the 450 kr ticket: unpriced everywhere, then priced and drafted once a version covering the day is published', async () => {
    // The involvement itself says why it has no calculation, and from when the region has one.
    expect((await involvement(early)).honorarium).toEqual(noGuideline());

    // The ledger names it; nothing accrues for it.
    const owed = await ledger();
    expect(owed.unpriced).toEqual([noGuideline()]);
    expect(ids(owed.lines)).not.toContain(early);

    // Up to March nothing is payable: the 422 says so and lists the unpriced involvement.
    const nothing = await api.draft('2025-03-31', 'frode', { organizationId: ORG });
    expectRule(nothing, 'nothing-payable');
    expect(nothing.body.unpriced).toEqual([noGuideline()]);
    expect(nothing.body.detail).toContain(early);
    expectDocumented(nothing, '/v1/payout-batches', 'post');

    // The report counts and lists it.
    const before = await report();
    expect(before.economy.unpricedCount).toBe(1);
    expect(before.economy.unpriced).toEqual([noGuideline()]);

    // A version covering the day is published (dated back to January), a minute later.
    const beforePublication = api.p.t.clock.now().toISOString();
    (api.p.t.clock as FixedClock).advance(60_000);
    const shipped = await api.p.get(`/v1/guidelines/${REGION}/versions`, 'admin');
    // Derived from the latest shipped version, which names its forms, as a publication must.
    const { publishedAt: _at, publishedBy: _by, ...base } = shipped.body.items.at(-1);
    const published = await api.p.post(`/v1/guidelines/${REGION}/versions`, 'admin', {
      ...base,
      version: '2025-01-01',
      effectiveFrom: '2025-01-01',
    });
    expect(published.status).toBe(201);

    const priced = (await involvement(early)).honorarium;
    // Read as it was before the publication, it is unpriced as it was then.
    const then = await api.p.get(`/v1/involvements/${early}?asOf=${beforePublication}`, 'admin');
    expect(then.body.honorarium).toEqual(noGuideline());
    expect(priced).toMatchObject({ guideline: { region: REGION, version: '2025-01-01' } });
    expect(priced.lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'ticket', amountOre: TICKET_450_KR })]),
    );
    // One priced by the shipped version keeps it: the later publication changes no past calculation.
    expect((await involvement(afterFirst)).honorarium.guideline).toEqual({
      region: REGION,
      version: FIRST_EFFECTIVE,
    });

    const after = await ledger();
    expect(after.unpriced).toEqual([]);
    expect(after.accruedOre).toBeGreaterThanOrEqual(priced.totalOre);

    const drafted = await api.draft('2025-03-31', 'frode', { organizationId: ORG });
    expect(drafted.status).toBe(201);
    expect(drafted.body.unpriced).toEqual([]);
    expectDocumented(drafted, '/v1/payout-batches', 'post');
    expect(drafted.body.totalOre).toBe(priced.totalOre);
    const batch = await api.batch(drafted.body.id);
    expect(batch.lines.filter((l) => l.involvementId === early && l.kind === 'ticket')).toEqual([
      expect.objectContaining({ amountOre: TICKET_450_KR }),
    ]);

    const reported = await report();
    expect(reported.economy.unpricedCount).toBe(0);
    expect(reported.economy.unpriced).toEqual([]);
  });
});
