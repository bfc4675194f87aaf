import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { payoutCsv, type PayoutExport } from '@app/payouts';
import { expectFieldErrors, expectProblem } from '../participation/support/builders';
import { FINANCE, parseCsv, PayoutsApi, sum, type PayoutLineView } from './support/payouts-api';

const LINES = 4_321;
const NAMES = ['Máret Ŋuolja', 'Øystein Ærø; "Junior"', '=SUM(A1) Nilsen'];

/**
 * Issue 13, item 3: GET /v1/payout-batches/{id} pages its lines (`?limit&after`,
 * `next`), and both exports stream from PostgreSQL in pages with the bytes
 * they always had. A batch of 4,321 lines over three payees (one whose name
 * needs quoting, one a spreadsheet would run as a formula), with adjustments,
 * approved by a second person and partly paid through the API.
 */
describe('payout batch lines in pages, exports streamed', () => {
  let api: PayoutsApi;
  let batchId: string;
  let drafted: Array<{ lineId: string; amountOre: number; taxable: boolean }>;

  beforeAll(async () => {
    api = await PayoutsApi.start();
    const projectId = await api.p.project();
    const participants: string[] = [];
    for (const name of NAMES) participants.push(await api.p.participant({ name }));
    batchId = randomUUID();
    const lines = Array.from({ length: LINES }, (_, i) => {
      const taxable = i % 4 < 2;
      return {
        lineId: randomUUID(),
        participantId: participants[i % participants.length],
        involvementId: `inv-${Math.floor(i / 4)}`,
        projectId,
        organizationId: 'helse-nord',
        occurredOn: `2025-0${1 + (i % 5)}-1${i % 10}`,
        kind: ['meeting', 'preparation', 'mileage', 'ticket'][i % 4],
        amountOre: i % 97 === 96 ? -(500 + i) : 10_000 + i,
        taxable,
        incomeType: taxable ? 'honorar' : 'trekkfri-reise',
        adjustsLineId: null,
      };
    });
    drafted = lines;
    // The draft as the handler writes it, with more lines than the tests may log through HTTP in time.
    const store = api.p.t.app.get<EventStore>(EVENT_STORE);
    await store.append(
      `payout-batch-${batchId}`,
      [
        {
          eventId: randomUUID(),
          type: 'PayoutBatchDrafted',
          data: {
            batchId,
            periodEnd: '2025-05-31',
            organizationId: 'helse-nord',
            createdBy: FINANCE.frode,
            lines,
            totalOre: sum(lines.map((l) => l.amountOre)),
          },
        },
      ],
      'no-stream',
      { actor: FINANCE.frode, correlationId: randomUUID() },
    );
    expect((await api.post(`/v1/payout-batches/${batchId}/approve`, 'fiona')).status).toBe(200);
    const results = [
      ...lines.slice(0, 5).map((l) => ({ lineId: l.lineId, status: 'paid', reference: `BANK-${l.lineId}` })),
      { lineId: lines[2_000].lineId, status: 'failed', reason: 'Kontonummeret finnes ikke' },
    ];
    expect((await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', { results })).status).toBe(200);
  }, 120_000);
  afterAll(() => api.close());

  async function page(query: string) {
    const res = await api.p.get(`/v1/payout-batches/${batchId}${query}`, 'auditor');
    expect(res.status).toBe(200);
    return res;
  }

  it('pages every line once, in draft order, following `next` until null', async () => {
    const seen: PayoutLineView[] = [];
    const etags = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await page(`?limit=1000${after === null ? '' : `&after=${after}`}`);
      pages += 1;
      expect(res.body.lines.length).toBeLessThanOrEqual(1000);
      expect(res.body).toMatchObject({ lineCount: LINES, totalOre: sum(drafted.map((l) => l.amountOre)) });
      etags.add(res.headers.etag);
      seen.push(...res.body.lines);
      after = res.body.next;
      if (after !== null) expect(after).toBe(res.body.lines[res.body.lines.length - 1].lineId);
    } while (after !== null);
    expect(pages).toBe(5);
    expect(etags.size).toBe(1);
    expect(seen.map((l) => l.lineId)).toEqual(drafted.map((l) => l.lineId));
    expect(seen.slice(0, 5).every((l) => l.status === 'paid')).toBe(true);
    expect(seen[0]).toMatchObject({ reference: `BANK-${drafted[0].lineId}`, reason: null });
    expect(seen[2_000]).toMatchObject({ status: 'failed', reason: 'Kontonummeret finnes ikke' });
    expect(seen.filter((l) => l.status === 'approved')).toHaveLength(LINES - 6);
  });

  it('without ?limit answers the first 1000 lines and a cursor; a small limit pages the same order', async () => {
    const first = await page('');
    expect(first.body.lines).toHaveLength(1000);
    expect(first.body.next).toBe(drafted[999].lineId);
    const small = await page(`?limit=7&after=${drafted[999].lineId}`);
    expect(small.body.lines.map((l: PayoutLineView) => l.lineId)).toEqual(
      drafted.slice(1000, 1007).map((l) => l.lineId),
    );
    const last = await page(`?limit=5000&after=${drafted[LINES - 2].lineId}`);
    expect(last.body).toMatchObject({ next: null, lines: [{ lineId: drafted[LINES - 1].lineId }] });
  });

  it('refuses a bad limit or after with 400 naming the field', async () => {
    for (const limit of ['0', '5001', 'abc', '-1', '1.5', ''])
      expectFieldErrors(await api.p.get(`/v1/payout-batches/${batchId}?limit=${limit}`, 'finance'), 'limit');
    expectFieldErrors(
      await api.p.get(`/v1/payout-batches/${batchId}?after=${randomUUID()}`, 'finance'),
      'after',
    );
    expectFieldErrors(await api.p.get(`/v1/payout-batches/${batchId}?after=a%20b`, 'finance'), 'after');
    expectFieldErrors(await api.p.get(`/v1/payout-batches/${batchId}?after=x&after=y`, 'finance'), 'after');
  });

  it('streams the JSON export: one document, every line once in draft order, totals of the whole batch', async () => {
    const res = await api.p.get(`/v1/payout-batches/${batchId}/export?format=json`, 'finance').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['cache-control']).toBe('no-store');
    const file = JSON.parse(res.text) as PayoutExport;
    expect(JSON.stringify(file)).toBe(res.text);
    expect(file.lines.map((l) => l.lineId)).toEqual(drafted.map((l) => l.lineId));
    expect(file.totals).toEqual({
      lineCount: LINES,
      taxableOre: sum(drafted.filter((l) => l.taxable).map((l) => l.amountOre)),
      taxFreeOre: sum(drafted.filter((l) => !l.taxable).map((l) => l.amountOre)),
      totalOre: sum(drafted.map((l) => l.amountOre)),
    });
    expect(new Set(file.lines.map((l) => l.payeeName))).toEqual(new Set(NAMES));
    expect(file.lines[2_000].status).toBe('failed');
  });

  it('streams the CSV export with the same bytes the whole-file writer gives for the same content', async () => {
    const json = await api.p.get(`/v1/payout-batches/${batchId}/export?format=json`, 'finance');
    const res = await api.p.get(`/v1/payout-batches/${batchId}/export?format=csv`, 'finance').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toBe(payoutCsv(json.body as PayoutExport));
    const rows = parseCsv(res.text);
    expect(rows).toHaveLength(LINES + 2);
    expect(new Set(rows.slice(1, -1).map((r) => r[0]))).toEqual(new Set(drafted.map((l) => l.lineId)));
    expect(res.text).toContain(`;"Øystein Ærø; ""Junior""";`);
    expect(res.text).toContain(`;'=SUM(A1) Nilsen;`);
  });

  it('answers problem+json before the first byte: an unknown batch is 404 for the export and the read', async () => {
    expectProblem(await api.p.get(`/v1/payout-batches/${randomUUID()}/export?format=csv`, 'finance'), 404);
    expectProblem(await api.p.get(`/v1/payout-batches/${randomUUID()}`, 'finance'), 404);
  });
});
