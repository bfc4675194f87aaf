import { PayoutLineQueries } from '@app/payouts';
import { expectProblem, expectRule, nationalId } from '../participation/support/builders';
import { FINANCE, ore, parseCsv, PayoutsApi, sum, type PayoutLineView } from './support/payouts-api';

/**
 * Issue 5, "Done means": two participants, a draft, four-eyes approval,
 * exports that add up to the ledger, one paid and one failed participant,
 * the failed amount alone in the next batch, and a correction after payment
 * as an adjustment in the batch after that.
 */
describe('payout batches: the whole flow', () => {
  let api: PayoutsApi;
  let projectId: string;
  let maret: string;
  let oystein: string;
  let maretInvolvement: string;
  let oysteinInvolvement: string;

  beforeAll(async () => {
    api = await PayoutsApi.start();
    projectId = await api.p.project();
    maret = await api.p.participant({ nationalId: nationalId('150765') });
    oystein = await api.p.participant({
      name: 'Øystein Ærø; "Junior"',
      nationalId: nationalId('010190'),
      bankAccount: '1234.56.78903',
    });
    await api.p.appoint(projectId, maret);
    await api.p.appoint(projectId, oystein);
    maretInvolvement = await api.p.involvement(projectId, maret);
    oysteinInvolvement = await api.p.involvement(projectId, oystein, { occurredOn: '2025-04-02' });
  });
  afterAll(() => api.close());

  let first: string;
  let firstLines: PayoutLineView[];

  it('drafts every accrued amount into one batch, matching the ledger', async () => {
    const before = [await api.honorarium(maret), await api.honorarium(oystein)];
    expect(before.every((h) => h.accruedOre > 0 && h.batchedOre === 0 && h.paidOre === 0)).toBe(true);

    const res = await api.draft();
    expect(res.status).toBe(201);
    first = res.body.id;
    expect(res.body.totalOre).toBe(before[0].accruedOre + before[1].accruedOre);

    const batch = await api.batch(first);
    firstLines = batch.lines;
    expect(batch).toMatchObject({ status: 'draft', createdBy: FINANCE.frode, approvedBy: null });
    expect(res.body.lineCount).toBe(batch.lines.length);
    expect(new Set(batch.lines.map((l) => l.involvementId))).toEqual(
      new Set([maretInvolvement, oysteinInvolvement]),
    );
    expect(batch.lines.every((l) => l.status === 'draft' && l.adjustsLineId === null)).toBe(true);

    const after = await api.honorarium(maret);
    expect(after).toMatchObject({ accruedOre: 0, batchedOre: before[0].accruedOre, paidOre: 0 });
    const involvement = await api.p.get(`/v1/involvements/${maretInvolvement}`, 'finance');
    expect(involvement.body.payout).toEqual({ batchId: first, status: 'draft' });
  });

  it('refuses approval by the batch creator (403) and accepts a second finance user', async () => {
    expectProblem(await api.post(`/v1/payout-batches/${first}/approve`, 'frode'), 403);
    const approved = await api.post(`/v1/payout-batches/${first}/approve`, 'fiona');
    expect(approved.status).toBe(200);
    expect(await api.batch(first)).toMatchObject({ status: 'approved', approvedBy: FINANCE.fiona });
  });

  it('exports JSON and CSV whose totals add up and match the ledger, and logs the export', async () => {
    const json = await api.p.get(`/v1/payout-batches/${first}/export?format=json`, 'finance');
    expect(json.status).toBe(200);
    const file = json.body;
    expect(file.totals.totalOre).toBe(sum(file.lines.map((l: { amountOre: number }) => l.amountOre)));
    expect(file.totals.totalOre).toBe(file.totals.taxableOre + file.totals.taxFreeOre);
    for (const l of file.lines) expect(l.taxableOre + l.taxFreeOre).toBe(l.amountOre);
    const maretLines = file.lines.filter((l: { participantId: string }) => l.participantId === maret);
    expect(maretLines[0]).toMatchObject({
      payeeName: 'Máret Ŋuolja',
      nationalId: nationalId('150765'),
      bankAccount: '12345678903',
      personalDataErased: false,
      incomeType: expect.any(String),
    });
    expect(sum(maretLines.map((l: { amountOre: number }) => l.amountOre))).toBe(
      (await api.honorarium(maret)).batchedOre,
    );
    expect(file.lines.some((l: { taxable: boolean }) => !l.taxable)).toBe(true);

    const csv = await api.p.get(`/v1/payout-batches/${first}/export?format=csv`, 'finance').buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const rows = parseCsv(csv.text);
    const [header, ...rest] = rows;
    // Issue 16, item 5: finance reads Norwegian column headers (docs/api.md); the JSON keeps its field names.
    expect(header).toEqual([
      'Linje-ID',
      'Deltaker-ID',
      'Mottaker',
      'Fødselsnummer',
      'Kontonummer',
      'Personopplysninger slettet',
      'Inntektstype',
      'Type',
      'Medvirknings-ID',
      'Dato',
      'Skattepliktig (kr)',
      'Skattefritt (kr)',
      'Beløp (kr)',
      'Korrigerer linje-ID',
    ]);
    const col = (name: string) => header.indexOf(name);
    const total = rest[rest.length - 1];
    const lines = rest.slice(0, -1);
    expect(total[col('Linje-ID')]).toBe('SUM');
    expect(lines).toHaveLength(file.lines.length);
    expect(sum(lines.map((r) => ore(r[col('Beløp (kr)')])))).toBe(file.totals.totalOre);
    expect(ore(total[col('Beløp (kr)')])).toBe(file.totals.totalOre);
    expect(ore(total[col('Skattepliktig (kr)')]) + ore(total[col('Skattefritt (kr)')])).toBe(
      file.totals.totalOre,
    );
    const names = new Set(lines.map((r) => r[col('Mottaker')]));
    expect(names).toEqual(new Set(['Máret Ŋuolja', 'Øystein Ærø; "Junior"']));
    expect(csv.text).toContain('"Øystein Ærø; ""Junior"""');

    const logged = await api.p.t.db.pool.query(
      `SELECT actor, action FROM access_log WHERE subject = $1 ORDER BY id`,
      [first],
    );
    expect(logged.rows).toEqual([
      { actor: 'finance-frode', action: 'export-payout-batch' },
      { actor: 'finance-frode', action: 'export-payout-batch' },
    ]);
  });

  let maretMeetingLine: string;

  it('records one participant paid and the other failed; only the failed amount is in the next batch', async () => {
    const results = firstLines.map((l) =>
      l.participantId === maret
        ? { lineId: l.lineId, status: 'paid', reference: `BANK-${l.lineId.slice(0, 8)}` }
        : { lineId: l.lineId, status: 'failed', reason: 'Kontonummeret er stengt' },
    );
    maretMeetingLine = firstLines.find((l) => l.participantId === maret && l.kind === 'meeting')!.lineId;
    const res = await api.post(`/v1/payout-batches/${first}/payments`, 'frode', { results });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('settled');

    const paid = await api.honorarium(maret);
    const oysteinLines = firstLines.filter((l) => l.participantId === oystein);
    expect(paid).toMatchObject({ accruedOre: 0, batchedOre: 0 });
    expect(paid.paidOre).toBe(
      sum(firstLines.filter((l) => l.participantId === maret).map((l) => l.amountOre)),
    );
    const failed = await api.honorarium(oystein);
    expect(failed).toMatchObject({
      batchedOre: 0,
      paidOre: 0,
      accruedOre: sum(oysteinLines.map((l) => l.amountOre)),
    });

    // Reports read paid amounts by the involvement's year, grouped by economy.
    const totals = await api.p.t.app.get(PayoutLineQueries, { strict: false }).paidTotals({ year: 2025 });
    const maretPaid = firstLines.filter((l) => l.participantId === maret);
    const inGroup = (kinds: string[]) =>
      sum(maretPaid.filter((l) => kinds.includes(l.kind)).map((l) => l.amountOre));
    expect(totals).toEqual({
      honorariumOre: inGroup(['meeting', 'preparation', 'travel-time']),
      lostIncomeOre: inGroup(['lost-income-documented', 'lost-income-undocumented']),
      expensesOre: inGroup(['mileage', 'ticket', 'lodging', 'other', 'meals']),
      totalOre: paid.paidOre,
      lineCount: maretPaid.length,
    });
    expect(
      await api.p.t.app.get(PayoutLineQueries, { strict: false }).paidTotals({ year: 2024 }),
    ).toMatchObject({
      totalOre: 0,
    });

    const next = await api.draft();
    expect(next.status).toBe(201);
    const second = await api.batch(next.body.id);
    expect(second.lines.every((l) => l.involvementId === oysteinInvolvement)).toBe(true);
    expect(second.totalOre).toBe(sum(oysteinLines.map((l) => l.amountOre)));
    expect(second.lines.map((l) => `${l.kind}|${l.amountOre}`).sort()).toEqual(
      oysteinLines.map((l) => `${l.kind}|${l.amountOre}`).sort(),
    );
    expectProblem(await api.post(`/v1/payout-batches/${first}/cancel`, 'fiona', { reason: 'Feil' }), 409);
    expectRule(await api.draft(), 'nothing-payable');
  });

  it('turns a correction of a paid involvement into an adjustment line in the batch after', async () => {
    const before = await api.p.get(`/v1/involvements/${maretInvolvement}`, 'lead');
    const corrected = await api.p.post(`/v1/involvements/${maretInvolvement}/corrections`, 'lead', {
      changes: { hours: { meeting: 4, preparation: 1.17, travel: 1.5 } },
      reason: 'Møtet varte lenger',
    });
    expect(corrected.status).toBe(200);
    const after = await api.p.get(`/v1/involvements/${maretInvolvement}`, 'lead');
    const meeting = (i: typeof before) =>
      sum(
        i.body.honorarium.lines
          .filter((l: { kind: string }) => l.kind === 'meeting')
          .map((l: { amountOre: number }) => l.amountOre),
      );
    const difference = meeting(after) - meeting(before);
    expect(difference).toBeGreaterThan(0);
    expect(after.body.payout).toEqual({ batchId: first, status: 'paid' });

    const ledger = await api.honorarium(maret);
    expect(ledger.accruedOre).toBe(after.body.honorarium.totalOre - before.body.honorarium.totalOre);
    expect(ledger.lines).toContainEqual(
      expect.objectContaining({
        status: 'accrued',
        adjustment: true,
        kind: 'meeting',
        amountOre: difference,
        adjustsLineId: maretMeetingLine,
      }),
    );
    const amounts = (ls: Array<{ amountOre: number }>) => ls.map((l) => l.amountOre).sort((a, b) => a - b);
    expect(amounts(ledger.lines.filter((l) => l.status === 'paid'))).toEqual(
      amounts(firstLines.filter((l) => l.participantId === maret)),
    );

    const third = await api.draft('2025-05-31', 'fiona');
    expect(third.status).toBe(201);
    const batch = await api.batch(third.body.id);
    expect(batch.lines).toEqual([
      expect.objectContaining({
        involvementId: maretInvolvement,
        kind: 'meeting',
        amountOre: difference,
        adjustsLineId: maretMeetingLine,
      }),
    ]);
  });

  it('turns a void after payment into a negative adjustment', async () => {
    const voided = await api.p.post(`/v1/involvements/${maretInvolvement}/void`, 'lead', {
      reason: 'Feilført',
    });
    expect(voided.status).toBe(200);
    const ledger = await api.honorarium(maret);
    // Paid and batched amounts are taken back in full.
    expect(ledger.accruedOre).toBe(-(ledger.paidOre + ledger.batchedOre));
    const next = await api.draft();
    expect(next.status).toBe(201);
    const batch = await api.batch(next.body.id);
    expect(batch.totalOre).toBe(ledger.accruedOre);
    expect(batch.lines.every((l) => l.amountOre < 0 && l.adjustsLineId !== null)).toBe(true);
  });
});
