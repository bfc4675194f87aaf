import { expectFieldErrors, expectProblem, expectRule } from '../participation/support/builders';
import { PayoutsApi, type PayoutLineView } from './support/payouts-api';

describe('payout batches: rules and bad input', () => {
  let api: PayoutsApi;
  let participantId: string;
  let batchId: string;
  let lines: PayoutLineView[];

  beforeAll(async () => {
    api = await PayoutsApi.start();
    const projectId = await api.p.project();
    participantId = await api.p.participant();
    await api.p.appoint(projectId, participantId);
    await api.p.involvement(projectId, participantId);
  });
  afterAll(() => api.close());

  it('answers 422 when nothing is payable up to the period end', async () => {
    expectRule(await api.draft('2025-01-31'), 'nothing-payable');
  });

  it('refuses malformed drafts with the field named, and other roles with 403', async () => {
    expectFieldErrors(
      await api.post('/v1/payout-batches', 'frode', { periodEnd: '31.05.2025' }),
      'periodEnd',
    );
    expectFieldErrors(await api.post('/v1/payout-batches', 'frode', {}), 'periodEnd');
    expectFieldErrors(
      await api.post('/v1/payout-batches', 'frode', { periodEnd: '2025-02-30' }),
      'periodEnd',
    );
    expectFieldErrors(
      await api.post('/v1/payout-batches', 'frode', { periodEnd: '2025-05-31', organizationId: 7 }),
      'organizationId',
    );
    expectProblem(await api.p.post('/v1/payout-batches', 'admin', { periodEnd: '2025-05-31' }), 403);
  });

  it('drafts only the organisation asked for', async () => {
    expectRule(await api.draft('2025-05-31', 'frode', { organizationId: 'helse-vest' }), 'nothing-payable');
  });

  it('answers 404 for an unknown batch', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectProblem(await api.p.get(`/v1/payout-batches/${unknown}`, 'finance'), 404);
    expectProblem(await api.post(`/v1/payout-batches/${unknown}/approve`, 'fiona'), 404);
    expectProblem(
      await api.post(`/v1/payout-batches/${unknown}/payments`, 'fiona', {
        results: [{ lineId: 'x', status: 'paid', reference: 'r' }],
      }),
      404,
    );
  });

  it('keeps a draft retried with the same Idempotency-Key one batch', async () => {
    await api.p.t.settled();
    const draft = () =>
      api.post('/v1/payout-batches', 'frode', { periodEnd: '2025-05-31' }, { 'Idempotency-Key': 'draft-1' });
    const a = await draft();
    expect(a.status).toBe(201);
    batchId = a.body.id;
    lines = (await api.batch(batchId)).lines;
    const events = await api.p.eventCount();
    const again = await draft();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(a.body);
    expect(await api.p.eventCount()).toBe(events);
    expectRule(await api.draft('2025-05-31', 'frode'), 'nothing-payable');
  });

  it('refuses payments before approval (409) and export of a draft (409)', async () => {
    const res = await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', {
      results: [{ lineId: lines[0].lineId, status: 'paid', reference: 'BANK-1' }],
    });
    expectProblem(res, 409);
    expectProblem(await api.p.get(`/v1/payout-batches/${batchId}/export?format=csv`, 'finance'), 409);
  });

  it('honours If-Match on approval (412 on a stale version)', async () => {
    expectProblem(
      await api.post(`/v1/payout-batches/${batchId}/approve`, 'fiona', undefined, { 'If-Match': '"7"' }),
      412,
    );
    const res = await api.post(`/v1/payout-batches/${batchId}/approve`, 'fiona', undefined, {
      'If-Match': '"1"',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: batchId, status: 'approved', version: 2 });
  });

  it('names the fields of bad payment results', async () => {
    expectFieldErrors(
      await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', { results: [] }),
      'results',
    );
    expectFieldErrors(
      await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', {
        results: [{ lineId: lines[0].lineId, status: 'sent' }],
      }),
      'results[0].status',
    );
    expectFieldErrors(
      await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', {
        results: [
          { lineId: lines[0].lineId, status: 'paid' },
          { lineId: 'no-such-line', status: 'failed', reason: 'x' },
        ],
      }),
      'results[0].reference',
      'results[1].lineId',
    );
    expectFieldErrors(await api.post(`/v1/payout-batches/${batchId}/cancel`, 'frode', {}), 'reason');
  });

  it('refuses to forget a participant while approved lines await payment (409)', async () => {
    await api.p.t.settled();
    expectProblem(await api.p.post(`/v1/participants/${participantId}/forget`, 'admin'), 409);
  });

  it('records a payment result once: a repeat appends nothing and changes nothing', async () => {
    const stream = `payout-batch-${batchId}`;
    const result = { lineId: lines[0].lineId, status: 'paid', reference: 'BANK-1' };
    const first = await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', { results: [result] });
    expect(first.status).toBe(200);
    const events = await api.p.eventCount(stream);
    const view = await api.batch(batchId);

    const repeat = await api.post(`/v1/payout-batches/${batchId}/payments`, 'fiona', { results: [result] });
    expect(repeat.status).toBe(200);
    expect(repeat.body.version).toBe(first.body.version);
    expect(await api.p.eventCount(stream)).toBe(events);
    expect(await api.batch(batchId)).toEqual(view);

    const contradicting = await api.post(`/v1/payout-batches/${batchId}/payments`, 'fiona', {
      results: [{ lineId: lines[0].lineId, status: 'failed', reason: 'Avvist' }],
    });
    expectProblem(contradicting, 409);
    expect(await api.p.eventCount(stream)).toBe(events);
  });

  it('refuses to cancel a batch with a paid line (409)', async () => {
    expectProblem(
      await api.post(`/v1/payout-batches/${batchId}/cancel`, 'frode', { reason: 'Feil periode' }),
      409,
    );
  });

  it('exports a forgotten participant with the personal data marked erased', async () => {
    const rest = lines
      .slice(1)
      .map((l) => ({ lineId: l.lineId, status: 'paid', reference: `BANK-${l.lineId}` }));
    if (rest.length > 0)
      expect(
        (await api.post(`/v1/payout-batches/${batchId}/payments`, 'frode', { results: rest })).status,
      ).toBe(200);
    await api.p.t.settled();
    expect((await api.p.post(`/v1/participants/${participantId}/forget`, 'admin')).status).toBe(200);
    const json = await api.p.get(`/v1/payout-batches/${batchId}/export?format=json`, 'finance');
    expect(json.status).toBe(200);
    expect(json.body.lines[0]).toMatchObject({
      payeeName: null,
      nationalId: null,
      bankAccount: null,
      personalDataErased: true,
    });
    const csv = await api.p.get(`/v1/payout-batches/${batchId}/export?format=csv`, 'finance');
    expect(csv.status).toBe(200);
    expectFieldErrors(
      await api.p.get(`/v1/payout-batches/${batchId}/export?format=xlsx`, 'finance'),
      'format',
    );
  });

  it('cancels a draft, which frees its amounts for the next batch', async () => {
    const projectId = await api.p.project();
    const person = await api.p.participant();
    await api.p.appoint(projectId, person);
    await api.p.involvement(projectId, person);
    const draft = await api.draft();
    expect(draft.status).toBe(201);
    const cancelled = await api.post(`/v1/payout-batches/${draft.body.id}/cancel`, 'frode', {
      reason: 'Feil periode',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const next = await api.draft();
    expect(next.status).toBe(201);
    expect(next.body.totalOre).toBe(draft.body.totalOre);
  });
});
