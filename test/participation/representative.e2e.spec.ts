import type { Response } from 'supertest';
import { PayoutsApi } from '../payouts/support/payouts-api';
import { expectProblem, expectRule } from './support/builders';

/**
 * Issue 16, item 1 (docs/adr/0028): a representative walks through what is
 * recorded about them. They see only their own (participant, involvements,
 * ledger); they confirm, dispute (the draft holds the line back until the lead
 * corrects it, then pays it), withdraw a dispute by confirming, waive the
 * honorarium of one involvement and acknowledge feedback.
 */
describe('the representative: their own voice about what is logged about them', () => {
  let api: PayoutsApi;
  let projectId: string;
  let maret: string;
  let other: string;
  let council: string;
  let second: string;
  let thirdWeek: string;
  let othersInvolvement: string;
  let maretToken: string;

  const DISPUTE_REASON = 'Jeg gikk etter en time, ikke tre';

  beforeAll(async () => {
    api = await PayoutsApi.start();
    projectId = await api.p.project();
    maret = await api.p.participant();
    other = await api.p.participant({ name: 'Ola Annen' });
    await api.p.appoint(projectId, maret);
    await api.p.appoint(projectId, other);
    council = await api.p.involvement(projectId, maret, { occurredOn: '2025-03-10' });
    second = await api.p.involvement(projectId, maret, { occurredOn: '2025-03-17' });
    thirdWeek = await api.p.involvement(projectId, maret, { occurredOn: '2025-03-24' });
    othersInvolvement = await api.p.involvement(projectId, other, { occurredOn: '2025-03-10' });
    maretToken = await api.p.t.token({ sub: 'rep-maret', roles: ['representative'], participantId: maret });
  });
  afterAll(() => api.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (path: string, token = maretToken) => api.p.t.http.get(path).set(as(token));
  const post = (path: string, body: object, headers: Record<string, string> = {}, token = maretToken) =>
    api.p.t.http.post(path).set(as(token)).set(headers).send(body);
  const confirm = (id: string, body: object, headers: Record<string, string> = {}) =>
    post(`/v1/involvements/${id}/confirmation`, body, headers);

  function expectForbiddenNaming(res: Response, rule: RegExp): void {
    expectProblem(res, 403);
    expect(res.body.detail).toMatch(rule);
  }

  async function draft() {
    const res = await api.draft();
    expect([201, 422]).toContain(res.status);
    if (res.status !== 201) return { body: res.body, lines: [] };
    return { body: res.body, lines: (await api.batch(res.body.id)).lines };
  }

  describe('seeing: their own, and nothing else', () => {
    it('reads their own participant record, involvement, involvement list and ledger', async () => {
      const me = await get(`/v1/participants/${maret}`);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: maret, name: 'Máret Ŋuolja', status: 'active' });

      const involvement = await get(`/v1/involvements/${council}`);
      expect(involvement.status).toBe(200);
      expect(involvement.body).toMatchObject({
        id: council,
        participantId: maret,
        topic: 'Ny pasientreise-ordning',
        participantResponse: null,
        waiver: null,
        acknowledgedFeedback: [],
        disputeHoldsBackPayout: false,
      });
      expect(involvement.body.honorarium.totalOre).toBeGreaterThan(0);

      await api.p.t.settled();
      const list = await get(`/v1/participants/${maret}/involvements`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { involvementId: string }) => i.involvementId).sort()).toEqual(
        [council, second, thirdWeek].sort(),
      );

      const ledger = await get(`/v1/participants/${maret}/honorarium`);
      expect(ledger.status).toBe(200);
      expect(ledger.body.participantId).toBe(maret);
      expect(ledger.body.accruedOre).toBeGreaterThan(0);
      expect(new Set(ledger.body.lines.map((l: { involvementId: string }) => l.involvementId))).toEqual(
        new Set([council, second, thirdWeek]),
      );
    });

    it('answers 403 naming the rule for another person’s participant, involvement, list and ledger', async () => {
      const own = /representative sees only their own/;
      expectForbiddenNaming(await get(`/v1/participants/${other}`), own);
      expectForbiddenNaming(await get(`/v1/involvements/${othersInvolvement}`), own);
      expectForbiddenNaming(await get(`/v1/participants/${other}/involvements`), own);
      expectForbiddenNaming(await get(`/v1/participants/${other}/honorarium`), own);
    });

    it('answers 403 naming the rule for everything else, with or without roles on the route', async () => {
      const onlyTheirs = /representative may call only the endpoints that name the role representative/;
      expectForbiddenNaming(await get(`/v1/projects/${projectId}`), onlyTheirs);
      expectForbiddenNaming(await get('/v1/guidelines'), onlyTheirs);
      expectForbiddenNaming(await get('/v1/reports/annual?year=2025'), onlyTheirs);
      expectForbiddenNaming(
        await post(`/v1/involvements/${council}/evidence`, {
          kind: 'attendance',
          at: '2025-03-10T10:00:00Z',
          confirmedBy: 'meg selv',
        }),
        onlyTheirs,
      );
      expectForbiddenNaming(await post('/v1/payout-batches', { periodEnd: '2025-05-31' }), onlyTheirs);
    });

    it('refuses to speak for another person’s involvement (403) and staff may not speak for them', async () => {
      expectForbiddenNaming(
        await confirm(othersInvolvement, { confirmed: true }),
        /only an involvement logged about themselves/,
      );
      const lead = await api.p.post(`/v1/involvements/${council}/confirmation`, 'lead', { confirmed: true });
      expectProblem(lead, 403);
      expect(lead.body.detail).toMatch(/representative/);
    });

    it('refuses a representative token without a participantId claim (401)', async () => {
      const token = await api.p.t.token({ sub: 'rep-nobody', roles: ['representative'] });
      const res = await get(`/v1/participants/${maret}`, token);
      expectProblem(res, 401);
      expect(res.body.detail).toMatch(/participantId/);
    });
  });

  describe('confirming and disputing', () => {
    it('confirms, with If-Match and an Idempotency-Key as every command', async () => {
      const before = (await get(`/v1/involvements/${second}`)).body.version as number;
      expectProblem(await confirm(second, { confirmed: true }, { 'If-Match': `"${before + 5}"` }), 412);
      const first = await confirm(
        second,
        { confirmed: true },
        { 'If-Match': `"${before}"`, 'Idempotency-Key': 'c-1' },
      );
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ version: before + 1 });
      const again = await confirm(second, { confirmed: true }, { 'Idempotency-Key': 'c-1' });
      expect(again.body).toEqual(first.body);
      expect(await api.p.eventCount(`involvement-${second}`)).toBe(before + 1);
      expect((await get(`/v1/involvements/${second}`)).body.participantResponse).toEqual({
        confirmed: true,
        correctedSince: false,
      });
    });

    it('refuses a dispute without a reason (422) and a malformed body (400)', async () => {
      expectRule(await confirm(council, { confirmed: false }), 'dispute-reason-required');
      expectProblem(await confirm(council, { confirmed: 'ja' }), 400);
      expectProblem(await confirm(council, { confirmed: false, reason: 'x', concerns: ['humør'] }), 400);
    });

    it('disputes: the reason is sealed, shown to the project’s lead and the auditor, withheld from other leads', async () => {
      const res = await confirm(council, { confirmed: false, reason: DISPUTE_REASON, concerns: ['hours'] });
      expect(res.status).toBe(200);
      const expected = {
        confirmed: false,
        concerns: ['hours'],
        reason: DISPUTE_REASON,
        correctedSince: false,
      };
      for (const who of ['lead', 'auditor', 'admin'] as const) {
        const seen = await api.p.get(`/v1/involvements/${council}`, who);
        expect(seen.body).toMatchObject({ participantResponse: expected, disputeHoldsBackPayout: true });
      }
      expect((await get(`/v1/involvements/${council}`)).body.participantResponse).toEqual(expected);
      const otherLead = await api.p.get(`/v1/involvements/${council}`, 'otherLead');
      expect(otherLead.body.participantResponse).toEqual({ ...expected, reason: null });
      expect(JSON.stringify(otherLead.body)).not.toContain(DISPUTE_REASON);

      const { rows } = await api.p.t.db.pool.query(
        `SELECT count(*)::int AS n FROM events WHERE data::text LIKE '%' || $1 || '%'`,
        [DISPUTE_REASON],
      );
      expect(rows[0].n).toBe(0);
    });

    it('holds the disputed involvement back from the draft, listed with the reason code', async () => {
      const { body, lines } = await draft();
      expect(body.heldBack).toEqual([
        expect.objectContaining({
          involvementId: council,
          participantId: maret,
          reason: 'disputed-by-participant',
          concerns: ['hours'],
        }),
      ]);
      const paid = new Set(lines.map((l) => l.involvementId));
      expect(paid.has(council)).toBe(false);
      expect(paid.has(second)).toBe(true);
      expect(paid.has(othersInvolvement)).toBe(true);
    });

    it('pays it once the lead corrects the involvement', async () => {
      const corrected = await api.p.post(`/v1/involvements/${council}/corrections`, 'lead', {
        changes: { hours: { meeting: 1, preparation: 1.17, travel: 1.5 } },
        reason: 'Deltakeren gikk etter en time',
      });
      expect(corrected.status).toBe(200);
      const seen = (await get(`/v1/involvements/${council}`)).body;
      expect(seen).toMatchObject({
        participantResponse: { confirmed: false, correctedSince: true },
        disputeHoldsBackPayout: false,
      });
      const { body, lines } = await draft();
      expect(body.heldBack).toEqual([]);
      const own = lines.filter((l) => l.involvementId === council);
      expect(own.length).toBeGreaterThan(0);
      expect(own.reduce((sum, l) => sum + l.amountOre, 0)).toBe(seen.honorarium.totalOre);
    });

    it('withdraws a dispute by confirming: the next draft pays the line held back', async () => {
      // A new involvement, so the draft's answer is about it alone.
      const fourth = await api.p.involvement(projectId, maret, { occurredOn: '2025-04-07' });
      expect(
        (await confirm(fourth, { confirmed: false, reason: 'Jeg var ikke der', concerns: ['attendance'] }))
          .status,
      ).toBe(200);
      const held = await draft();
      expect(held.body).toMatchObject({
        rule: 'nothing-payable',
        heldBack: [expect.objectContaining({ involvementId: fourth, concerns: ['attendance'] })],
      });
      expect((await confirm(fourth, { confirmed: true })).status).toBe(200);
      const { body, lines } = await draft();
      expect(body.heldBack).toEqual([]);
      expect(new Set(lines.map((l) => l.involvementId))).toEqual(new Set([fourth]));
    });
  });

  describe('waiving and acknowledging', () => {
    it('waives the honorarium: expenses still covered, no honorarium in the involvement, ledger or draft', async () => {
      const before = (await get(`/v1/involvements/${thirdWeek}`)).body.honorarium;
      const mileage = before.lines
        .filter((l: { kind: string }) => l.kind === 'mileage')
        .reduce((sum: number, l: { amountOre: number }) => sum + l.amountOre, 0);
      expect(mileage).toBeGreaterThan(0);
      expect(before.totalOre).toBeGreaterThan(mileage);
      // The first draft took it whole: a waiver now would reclaim money, so it is refused.
      expectRule(
        await post(`/v1/involvements/${thirdWeek}/waiver`, { reason: 'For sent' }),
        'honorarium-already-batched',
      );
      const fresh = await api.p.involvement(projectId, maret, { occurredOn: '2025-04-14' });
      expectProblem(await post(`/v1/involvements/${fresh}/waiver`, { reason: '' }), 400);
      expectRule(await post(`/v1/involvements/${fresh}/waiver`, { reason: '   ' }), 'waiver-reason-required');
      const res = await post(`/v1/involvements/${fresh}/waiver`, {
        reason: 'Jeg deltar som ansatt i foreningen',
      });
      expect(res.status).toBe(200);
      expectRule(
        await post(`/v1/involvements/${fresh}/waiver`, { reason: 'Igjen' }),
        'honorarium-already-waived',
      );

      const after = (await get(`/v1/involvements/${fresh}`)).body;
      expect(after.waiver).toEqual({ reason: 'Jeg deltar som ansatt i foreningen' });
      const paying = after.honorarium.lines.filter((l: { amountOre: number }) => l.amountOre > 0);
      expect(paying.map((l: { kind: string }) => l.kind)).toEqual(['mileage', 'mileage']);
      expect(after.honorarium.totalOre).toBe(mileage);
      const meeting = after.honorarium.lines.find((l: { kind: string }) => l.kind === 'meeting');
      expect(meeting).toMatchObject({ amountOre: 0 });
      expect(meeting.explanation).toMatch(/^Waived by the participant/);

      await api.p.t.settled();
      const ledger = (await get(`/v1/participants/${maret}/honorarium`)).body;
      const ledgerLines = ledger.lines.filter((l: { involvementId: string }) => l.involvementId === fresh);
      expect(
        ledgerLines
          .filter((l: { amountOre: number }) => l.amountOre !== 0)
          .map((l: { kind: string }) => l.kind),
      ).toEqual(['mileage', 'mileage']);

      const { lines } = await draft();
      const drafted = lines.filter((l) => l.involvementId === fresh);
      expect(drafted.map((l) => l.kind)).toEqual(['mileage', 'mileage']);
      expect(drafted.reduce((sum, l) => sum + l.amountOre, 0)).toBe(mileage);
    });

    it('acknowledges feedback the lead recorded, once', async () => {
      const feedback = await api.p.post(`/v1/involvements/${second}/evidence`, 'lead', {
        kind: 'feedback',
        at: '2025-03-20T10:00:00Z',
        summary: 'Innspillet ble tatt inn i planen',
      });
      expect(feedback.status).toBe(201);
      const ack = (evidenceId: string) =>
        post(`/v1/involvements/${second}/feedback-acknowledgement`, { evidenceId });
      expectRule(await ack('no-such-evidence'), 'feedback-not-recorded');
      const first = await ack(feedback.body.id);
      expect(first.status).toBe(200);
      const again = await ack(feedback.body.id);
      expect(again.body).toEqual(first.body);
      expect((await get(`/v1/involvements/${second}`)).body.acknowledgedFeedback).toEqual([feedback.body.id]);
    });
  });

  describe('the reality audit', () => {
    it('takes the participant’s confirmation as attended and a dispute about attendance against it', async () => {
      const disputedDay = await api.p.involvement(projectId, maret, { occurredOn: '2025-04-28' });
      const res = await confirm(disputedDay, {
        confirmed: false,
        reason: 'Jeg var ikke på dette møtet',
        concerns: ['attendance'],
      });
      expect(res.status).toBe(200);
      await api.p.t.settled();
      const audit = await api.p.get(`/v1/audit/projects/${projectId}/participation`, 'auditor');
      expect(audit.status).toBe(200);
      const of = (id: string) =>
        audit.body.involvements.find((i: { involvementId: string }) => i.involvementId === id);
      expect(of(second)).toMatchObject({
        attendanceEvidence: 'confirmed-by-participant',
        indicators: { attended: true },
        feedbackAcknowledged: true,
      });
      expect(of(disputedDay)).toMatchObject({
        attendanceEvidence: 'disputed-by-participant',
        indicators: { attended: false },
      });
      expect(of(thirdWeek)).toMatchObject({
        attendanceEvidence: 'not-documented',
        indicators: { attended: null },
      });

      // The draft's filter: exactly the open disputes (the others were corrected or confirmed).
      const { rows } = await api.p.t.db.pool.query(
        'SELECT involvement_id, participant_id, concerns FROM disputed_involvements',
      );
      expect(rows).toEqual([
        { involvement_id: disputedDay, participant_id: maret, concerns: ['attendance'] },
      ]);
    });
  });
});
