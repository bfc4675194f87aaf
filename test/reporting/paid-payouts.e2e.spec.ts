import { formatNok } from '@app/shared-kernel';
import { nationalId } from '../participation/support/builders';
import { PayoutsApi, sum, type PayoutLineView } from '../payouts/support/payouts-api';

const HONORARIUM_KINDS = ['meeting', 'preparation', 'travel-time'];
const LOST_INCOME_KINDS = ['lost-income-documented', 'lost-income-undocumented'];

/** What the annual report's `economy.paid` must be for these payout lines. */
function paidFigures(lines: PayoutLineView[]) {
  const inKinds = (keep: (kind: string) => boolean) =>
    sum(lines.filter((l) => keep(l.kind)).map((l) => l.amountOre));
  return {
    honorariumOre: inKinds((k) => HONORARIUM_KINDS.includes(k)),
    expensesOre: inKinds((k) => !HONORARIUM_KINDS.includes(k) && !LOST_INCOME_KINDS.includes(k)),
    lostIncomeOre: inKinds((k) => LOST_INCOME_KINDS.includes(k)),
    totalOre: sum(lines.map((l) => l.amountOre)),
    lineCount: lines.length,
  };
}

const NOTHING_PAID = { honorariumOre: 0, expensesOre: 0, lostIncomeOre: 0, totalOre: 0, lineCount: 0 };

/**
 * The annual report's `paid` comes from the real payouts context (PAID_PAYOUTS
 * is PayoutLineQueries): only lines recorded as paid count, in the year the
 * involvement took place, narrowed by organisation.
 */
describe('annual report: paid figures from the payouts context', () => {
  let api: PayoutsApi;
  let batchId: string;
  let nordThisYear: string;
  let nordLastYear: string;
  let vestThisYear: string;
  let ola: string;

  const annual = async (query: string) => {
    const res = await api.p.get(`/v1/reports/annual?${query}`, 'finance');
    expect(res.status).toBe(200);
    return res;
  };
  const lines = async () => (await api.batch(batchId)).lines;

  beforeAll(async () => {
    api = await PayoutsApi.start();
    const nord = await api.p.project({ name: 'Pasientreiser', organizationId: 'helse-nord' });
    const vest = await api.p.project({ name: 'Ungdomsråd', organizationId: 'helse-vest' });
    const maret = await api.p.participant();
    ola = await api.p.participant({ name: 'Ola Åsen', nationalId: nationalId('020280') });
    await api.p.appoint(nord, maret, { from: '2024-01-01' });
    nordThisYear = await api.p.involvement(nord, maret, {
      occurredOn: '2025-03-10',
      lostIncome: { documented: true, amountOre: 150000 },
    });
    nordLastYear = await api.p.involvement(nord, maret, { occurredOn: '2024-11-05' });
    vestThisYear = await api.p.involvement(vest, ola, {
      form: 'user-interview',
      occurredOn: '2025-04-02',
      expenses: [],
    });
    const drafted = await api.draft('2025-05-31', 'frode');
    expect(drafted.status).toBe(201);
    batchId = drafted.body.id;
  }, 120_000);

  afterAll(() => api.close());

  it('reports nothing paid while the batch is only drafted or approved', async () => {
    expect((await annual('year=2025')).body.economy).toMatchObject({
      paid: NOTHING_PAID,
      paidSource: 'payouts',
    });
    expect((await api.post(`/v1/payout-batches/${batchId}/approve`, 'fiona')).status).toBe(200);
    await api.p.t.settled();
    const { economy } = (await annual('year=2025')).body;
    expect(economy).toMatchObject({ paid: NOTHING_PAID, paidSource: 'payouts' });
    expect(economy.accrued.totalOre).toBeGreaterThan(0);
    expect(economy).not.toHaveProperty('note');
  });

  it('reports the paid lines by the involvement’s year and organisation once payments are recorded', async () => {
    const batch = await lines();
    expect(new Set(batch.map((l) => l.involvementId))).toEqual(
      new Set([nordThisYear, nordLastYear, vestThisYear]),
    );
    // The bank pays Máret; Ola's account is closed.
    const results = batch.map((l) =>
      l.participantId === ola
        ? { lineId: l.lineId, status: 'failed', reason: 'Kontonummeret er stengt' }
        : { lineId: l.lineId, status: 'paid', reference: `BANK-${l.lineId.slice(0, 8)}` },
    );
    expect((await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', { results })).status).toBe(200);
    await api.p.t.settled();
    const paid = (await lines()).filter((l) => l.status === 'paid');
    const of = (involvementId: string) => paid.filter((l) => l.involvementId === involvementId);
    expect(of(vestThisYear)).toEqual([]);

    const nord2025 = (await annual('year=2025&organizationId=helse-nord')).body.economy;
    expect(nord2025).toMatchObject({ paid: paidFigures(of(nordThisYear)), paidSource: 'payouts' });
    expect(nord2025.paid.lostIncomeOre).toBe(150000);
    expect((await annual('year=2025')).body.economy.paid).toEqual(paidFigures(of(nordThisYear)));
    expect((await annual('year=2024')).body.economy.paid).toEqual(paidFigures(of(nordLastYear)));
    expect((await annual('year=2025&organizationId=helse-vest')).body.economy.paid).toEqual(NOTHING_PAID);
  });

  it('prints accrued and paid side by side on the printable page', async () => {
    const { economy } = (await annual('year=2025')).body;
    expect(economy.paid.totalOre).toBeLessThan(economy.accrued.totalOre);
    const page = await annual('year=2025&format=html');
    expect(page.text).toContain(
      `<tr><td>Total</td><td class="n">${formatNok(economy.accrued.totalOre)} kr</td><td class="n">${formatNok(economy.paid.totalOre)} kr</td></tr>`,
    );
    expect(page.text).not.toContain('paid is reported as 0');
  });
});
