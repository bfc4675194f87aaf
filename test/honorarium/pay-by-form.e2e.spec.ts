import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { FixedClock } from '@app/shared-kernel';
import { startTestApp, type TestApp } from '../support/test-app';

type Line = { kind: string; amountOre: number; taxable: boolean; incomeType: string; explanation: string };
type Honorarium = { totalOre: number; lines: Line[]; guideline: { region: string; version: string } };

const VERV = 'styrehonorarOgGodtgjoerelseVerv';
const TICKET_450 = { kind: 'ticket', amountOre: 45000, receiptRef: 'kvittering-17' };

/**
 * Issue 15, E2 and E4, through HTTP: a meeting the organiser cancelled after
 * the ticket was bought, an absence, an interview the guideline names no pay
 * for, a published guideline that pays interviews a flat fee under their own
 * income type, and a version stored before forms were named. The revised
 * rules are the shipped versions from 2026-12-01 (docs/adr/0025), so these
 * days lie on or after it; the versions before keep pricing history as it was.
 */
describe('payment by form, absence and cancellation (issue 15, E2 and E4)', () => {
  let t: TestApp;
  let lead: string;
  let admin: string;
  let projectId: string;
  let participantId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: new FixedClock('2027-03-01T09:00:00.000Z') });
    lead = await t.token({ sub: 'lead-1', roles: ['project-lead'] });
    admin = await t.token({ sub: 'admin-1', roles: ['admin'] });
    const project = await post('/v1/projects', lead, {
      name: 'Pasientforløp',
      organizationId: 'st-olavs',
      region: 'helse-midt-norge',
      level: 'service',
    }).expect(201);
    projectId = project.body.id;
    participantId = (await post('/v1/participants', lead, { name: 'Randi' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  function post(path: string, auth: string, body: object) {
    return t.http.post(path).set('Authorization', `Bearer ${auth}`).send(body);
  }

  async function priced(body: object): Promise<Honorarium> {
    const logged = await post(`/v1/projects/${projectId}/involvements`, lead, {
      participantId,
      ...body,
    }).expect(201);
    const res = await t.http
      .get(`/v1/involvements/${logged.body.id}`)
      .set('Authorization', `Bearer ${lead}`)
      .expect(200);
    return res.body.honorarium;
  }

  const gathering = { form: 'user-gathering', honorariumDecision: 'paid' };

  it('E2: a gathering the organiser cancelled pays no honorarium but refunds the ticket already bought', async () => {
    const honorarium = await priced({
      ...gathering,
      occurredOn: '2026-12-07',
      attendance: 'cancelled',
      hours: { meeting: 0 },
      expenses: [TICKET_450, { kind: 'mileage', km: 84 }],
    });
    // Hand-computed: no honorarium; ticket 450.00 at cost, tax-free; own car 84 km not covered after a
    // cancellation under helse-midt-norge. Total 450.00 NOK.
    expect(honorarium.totalOre).toBe(45000);
    expect(honorarium.lines.map((l) => [l.kind, l.amountOre, l.taxable])).toEqual([
      ['not-payable', 0, false],
      ['ticket', 45000, false],
      ['mileage', 0, false],
    ]);
    expect(honorarium.lines[0].explanation).toContain('Cancelled by the organiser: no honorarium');
    expect(honorarium.lines[2].explanation).toContain('not covered after a cancellation');
  });

  it('E2: the refunded ticket of the cancelled gathering reaches the payout draft', async () => {
    const finance = await t.token({ sub: 'finance-1', roles: ['finance'] });
    const drafted = await t.http
      .post('/v1/payout-batches')
      .set('Authorization', `Bearer ${finance}`)
      .send({ periodEnd: '2026-12-07', organizationId: 'st-olavs' })
      .expect(201);
    const batch = await t.http
      .get(`/v1/payout-batches/${drafted.body.id}`)
      .set('Authorization', `Bearer ${finance}`)
      .expect(200);
    expect(batch.body.lines.map((l: Line) => [l.kind, l.amountOre, l.taxable])).toEqual([
      ['ticket', 45000, false],
    ]);
    await t.http
      .post(`/v1/payout-batches/${drafted.body.id}/cancel`)
      .set('Authorization', `Bearer ${finance}`)
      .send({ reason: 'Kun en prøve' })
      .expect(200);
  });

  it('E2: an absence pays neither honorarium nor, under helse-midt-norge, the ticket, and says why', async () => {
    const honorarium = await priced({
      ...gathering,
      occurredOn: '2026-12-08',
      attendance: 'absent',
      hours: { meeting: 0 },
      expenses: [TICKET_450],
    });
    expect(honorarium.totalOre).toBe(0);
    expect(honorarium.lines.map((l) => [l.kind, l.amountOre])).toEqual([
      ['not-payable', 0],
      ['ticket', 0],
    ]);
    expect(honorarium.lines[0].explanation).toContain('Absent (the participant did not come)');
    expect(honorarium.lines[1].explanation).toContain('not covered when absent');
  });

  it('E2: cancelled is part of the documented vocabulary', async () => {
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.components.schemas.LogInvolvementDto.properties.attendance.enum).toEqual([
      'in-person',
      'remote',
      'absent',
      'cancelled',
    ]);
  });

  it('E4: a 1.5 h interview under helse-midt-norge 2026-12-01 is not paid as a verv fee, and the line says why', async () => {
    const honorarium = await priced({
      form: 'user-interview',
      occurredOn: '2026-12-09',
      attendance: 'in-person',
      hours: { meeting: 1.5 },
    });
    // Was 1.5 h × 429 = 643.50 NOK, taxable as styrehonorar … verv (and still is on a day before 2026-12-01).
    // helse-midt-norge 2026-12-01 names no pay for interviews.
    expect(honorarium).toMatchObject({ totalOre: 0, guideline: { version: '2026-12-01' } });
    expect(honorarium.lines).toEqual([
      expect.objectContaining({ kind: 'not-payable', amountOre: 0, incomeType: 'none' }),
    ]);
    expect(honorarium.lines[0].explanation).toContain(
      'helse-midt-norge 2026-12-01 names no pay for user-interview (brukerintervju)',
    );
  });

  describe('a published version that names a flat fee for interviews', () => {
    async function nextVersion(effectiveFrom: string, interviewRule: object) {
      const res = await t.http
        .get('/v1/guidelines/helse-midt-norge/versions')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      const revised = res.body.items.find((v: { version: string }) => v.version === '2026-12-01');
      const { publishedAt: _a, publishedBy: _b, ...base } = revised;
      return { ...base, version: effectiveFrom, effectiveFrom, rules: [...base.rules, interviewRule] };
    }
    const flatFee = {
      kind: 'meeting-flat',
      forms: ['user-interview'],
      fee: { defaultOre: 50000 },
      source: 'https://example.org/helse-midt-norge/brukerintervju',
    };
    const honorar = {
      taxable: true,
      incomeType: 'honorarAkkordProsentProvisjon',
      source: 'https://example.org/a-melding/honorar',
    };

    it('refuses interviews paid under the verv fee, naming the field (400)', async () => {
      const res = await post(
        '/v1/guidelines/helse-midt-norge/versions',
        admin,
        await nextVersion('2027-01-01', flatFee),
      ).expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'rules[10].income',
          message: expect.stringContaining(`is required: the tax rule reports honorarium as ${VERV}`),
        },
      ]);
    });

    it('refuses a pay rule that names no forms, and an unknown rule field (400)', async () => {
      const { forms: _forms, ...formless } = flatFee;
      const res = await post(
        '/v1/guidelines/helse-midt-norge/versions',
        admin,
        await nextVersion('2027-01-01', { ...formless, income: honorar, perInterview: true }),
      ).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'rules[10].perInterview',
        'rules[10].forms',
      ]);
    });

    it('accepts it with an income type of its own, and prices a later interview by it', async () => {
      await post(
        '/v1/guidelines/helse-midt-norge/versions',
        admin,
        await nextVersion('2027-01-01', { ...flatFee, income: honorar }),
      ).expect(201);
      const honorarium = await priced({
        form: 'user-interview',
        occurredOn: '2027-01-10',
        attendance: 'remote',
        hours: { meeting: 1.5 },
      });
      // Hand-computed: a flat 500.00 NOK whatever the length, reported as honorar, not as a verv fee.
      expect(honorarium).toMatchObject({
        totalOre: 50000,
        guideline: { region: 'helse-midt-norge', version: '2027-01-01' },
      });
      expect(honorarium.lines).toEqual([
        expect.objectContaining({
          kind: 'meeting',
          amountOre: 50000,
          taxable: true,
          incomeType: 'honorarAkkordProsentProvisjon',
        }),
      ]);
    });
  });

  it('a version stored before forms were named keeps pricing as it did, and the log still verifies', async () => {
    // As an admin published it before this change: straight into the store, past today's validator.
    const store = t.app.get<EventStore>(EVENT_STORE);
    const shipped = (
      await t.http
        .get('/v1/guidelines/helse-midt-norge/versions')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body.items[0];
    const { publishedAt: _a, publishedBy: _b, ...base } = shipped;
    const legacy = {
      ...base,
      version: '2025-09-01',
      effectiveFrom: '2025-09-01',
      rules: base.rules
        .filter((r: { kind: string }) => r.kind !== 'not-attended-expenses')
        .map(({ forms: _forms, ...rule }: { forms?: string[] }) => rule),
    };
    const events = await store.readStream('guideline-helse-midt-norge');
    await store.append(
      'guideline-helse-midt-norge',
      [
        {
          eventId: randomUUID(),
          type: 'GuidelineVersionPublished',
          data: { region: 'helse-midt-norge', version: '2025-09-01', guideline: legacy },
        },
      ],
      events.at(-1)?.version ?? 'no-stream',
      { actor: 'admin-before-forms', correlationId: randomUUID() },
    );
    const honorarium = await priced({
      form: 'user-interview',
      occurredOn: '2025-09-10',
      attendance: 'in-person',
      hours: { meeting: 1.5 },
    });
    // That version paid every form by its one meeting rule: 1.5 h × 429 = 643.50 NOK, a verv fee as then.
    expect(honorarium).toMatchObject({ totalOre: 64350, guideline: { version: '2025-09-01' } });
    expect(honorarium.lines[0]).toMatchObject({ kind: 'meeting', incomeType: VERV });

    await t.settled();
    const auditor = await t.token({ sub: 'auditor-1', roles: ['auditor'] });
    const verified = await t.http
      .post('/v1/audit/verify')
      .set('Authorization', `Bearer ${auditor}`)
      .expect(200);
    expect(verified.body).toMatchObject({ verified: true, failures: [] });
  });
});

/**
 * A shipped guideline version is immutable (docs/adr/0025): every line names
 * the version that priced it, so a day before 2026-12-01 prices as it always
 * did, and what was paid under it is never clawed back by a later draft.
 */
describe('history: the versions before 2026-12-01 are immutable, so nothing already priced is re-priced', () => {
  let t: TestApp;
  let lead: string;
  let participantId: string;
  let historyProject: string;
  const finance = (sub: string) => t.token({ sub, roles: ['finance'] });
  const interview = (occurredOn: string) => ({
    form: 'user-interview',
    occurredOn,
    attendance: 'in-person',
    hours: { meeting: 1.5 },
  });

  beforeAll(async () => {
    t = await startTestApp({ clock: new FixedClock('2027-03-01T09:00:00.000Z') });
    lead = await t.token({ sub: 'lead-1', roles: ['project-lead'] });
    participantId = (await post('/v1/participants', lead, { name: 'Randi' }).expect(201)).body.id;
    const project = await post('/v1/projects', lead, {
      name: 'Historikk',
      organizationId: 'st-olavs-historikk',
      region: 'helse-midt-norge',
      level: 'service',
    }).expect(201);
    historyProject = project.body.id;
  });
  afterAll(() => t.close());

  const post = (path: string, auth: string, body: object) =>
    t.http.post(path).set('Authorization', `Bearer ${auth}`).send(body);
  const gathering = { form: 'user-gathering', honorariumDecision: 'paid' };

  async function logIn(body: object): Promise<string> {
    const logged = await post(`/v1/projects/${historyProject}/involvements`, lead, {
      participantId,
      ...body,
    }).expect(201);
    return logged.body.id;
  }
  const read = async (id: string): Promise<Honorarium> =>
    (await t.http.get(`/v1/involvements/${id}`).set('Authorization', `Bearer ${lead}`).expect(200)).body
      .honorarium;
  async function draft(periodEnd: string, by: string) {
    await t.settled();
    const drafted = await t.http
      .post('/v1/payout-batches')
      .set('Authorization', `Bearer ${by}`)
      .send({ periodEnd, organizationId: 'st-olavs-historikk' })
      .expect(201);
    const batch = await t.http
      .get(`/v1/payout-batches/${drafted.body.id}`)
      .set('Authorization', `Bearer ${by}`)
      .expect(200);
    return { id: drafted.body.id as string, lines: batch.body.lines as (Line & LineRef)[] };
  }
  type LineRef = { lineId: string; involvementId: string };

  it('the issue’s interview on 2026-11-30 still prices by helse-midt-norge 2016-01-01: 643.50 NOK, a verv fee', async () => {
    const honorarium = await read(await logIn(interview('2026-11-30')));
    // 1.5 h × 429 = 643.50 NOK, as on every day before the revised rules were adopted.
    expect(honorarium).toMatchObject({
      totalOre: 64350,
      guideline: { region: 'helse-midt-norge', version: '2016-01-01' },
    });
    expect(honorarium.lines).toEqual([
      expect.objectContaining({ kind: 'meeting', amountOre: 64350, taxable: true, incomeType: VERV }),
    ]);
  });

  it('an absence before 2026-12-01 still pays nothing, its ticket included, as the old version always did', async () => {
    const honorarium = await read(
      await logIn({
        ...gathering,
        occurredOn: '2026-11-30',
        attendance: 'absent',
        hours: { meeting: 0 },
        expenses: [TICKET_450],
      }),
    );
    expect(honorarium).toMatchObject({ totalOre: 0, guideline: { version: '2016-01-01' } });
  });

  it('a paid interview is not re-priced: the next draft holds no adjustment for it', async () => {
    const paidInterview = await logIn(interview('2026-11-29'));
    const creator = await finance('finance-h1');
    const approver = await finance('finance-h2');
    const first = await draft('2026-11-29', creator);
    expect(
      first.lines.filter((l) => l.involvementId === paidInterview).map((l) => [l.kind, l.amountOre]),
    ).toEqual([['meeting', 64350]]);
    await t.http
      .post(`/v1/payout-batches/${first.id}/approve`)
      .set('Authorization', `Bearer ${approver}`)
      .expect(200);
    await t.http
      .post(`/v1/payout-batches/${first.id}/payments`)
      .set('Authorization', `Bearer ${creator}`)
      .send({
        results: first.lines.map((l) => ({
          lineId: l.lineId,
          status: 'paid',
          reference: `BANK-${l.lineId.slice(0, 8)}`,
        })),
      })
      .expect(200);
    await t.settled();

    // Something owed under the new version, so the next draft is made: only it is in there.
    const owedGathering = await logIn({
      ...gathering,
      occurredOn: '2026-12-02',
      attendance: 'in-person',
      hours: { meeting: 2 },
    });
    const next = await draft('2026-12-31', creator);
    expect(next.lines.filter((l) => l.involvementId === paidInterview)).toEqual([]);
    expect(
      next.lines.filter((l) => l.involvementId === owedGathering).map((l) => [l.kind, l.amountOre]),
    ).toEqual([['meeting', 2 * 42900]]);
    expect(await read(paidInterview)).toMatchObject({
      totalOre: 64350,
      guideline: { version: '2016-01-01' },
    });
  });
});
