import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ProjectionRuntime } from '@app/platform';
import { ParticipationApi } from './support/builders';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Timers and deliveries that run beside any request, and transaction brackets. */
const BACKGROUND =
  /notary_|integration_outbox|integration_bus_messages|integration-message-key|DELETE FROM idempotency_records|^SELECT 1$|^BEGIN$|^COMMIT$/;

/**
 * The tables a plan reads whole: a sequential scan, or a walk over a whole
 * index (no condition on it), grows with the table, whoever's rows it holds.
 */
function scannedWhole(node: PlanNode): string[] {
  const table = node['Relation Name'];
  const whole =
    node['Node Type'] === 'Seq Scan' ||
    (['Index Scan', 'Index Only Scan'].includes(node['Node Type']) && node['Index Cond'] === undefined);
  return [...(whole && table ? [table] : []), ...(node.Plans ?? []).flatMap(scannedWhole)];
}

/**
 * docs/adr/0023, "Ledger at scale": GET /v1/participants/{id}/honorarium costs
 * the person's own lines, not everyone's history. Each statement the ledger
 * sends must be answerable from an index (sequential scans and the joins that
 * read a side whole switched off, so the planner takes an index whenever one
 * can answer). Its wait for the read model looked for the last pricing event
 * of each type with `ORDER BY global_position DESC LIMIT 1` on `events`, whose
 * index by type the event store had dropped: a backward walk of the whole log
 * for each type that was never written (no waiver, no meeting) — 77 ms of
 * PostgreSQL at 20,000 involvements, most of the ledger's time at 100,000.
 */
describe('participant ledger: the cost of a read', () => {
  let api: ParticipationApi;
  let person: string;
  const sent: Array<{ sql: string; parameters: unknown[] }> = [];
  let recording = false;
  type Query = (this: Client, ...args: unknown[]) => unknown;
  const original = Client.prototype.query as unknown as Query;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    const council = await api.project({ level: 'system' });
    const people = [await api.participant(), await api.participant(), await api.participant()];
    for (const someone of people) await api.appoint(council, someone);
    for (let day = 10; day < 14; day += 1)
      for (const someone of people) await api.involvement(council, someone, { occurredOn: `2025-03-${day}` });
    person = people[0];
    await api.t.settled();
    await api.t.app.get(ProjectionRuntime).beforeApplicationShutdown();
    (Client.prototype as unknown as { query: Query }).query = function recorded(this: Client, ...args) {
      const [first, second] = args;
      const config = typeof first === 'string' ? { text: first, values: second } : (first as object);
      const { text, values } = config as { text?: string; values?: unknown };
      if (recording && text && !BACKGROUND.test(text.trim()))
        sent.push({ sql: text, parameters: Array.isArray(values) ? values : [] });
      return original.apply(this, args);
    };
  });
  afterAll(async () => {
    (Client.prototype as unknown as { query: Query }).query = original;
    await api.close();
  });

  it('answers every statement of the ledger from an index', async () => {
    recording = true;
    const res = await api.get(`/v1/participants/${person}/honorarium`, 'finance');
    recording = false;
    expect(res.status).toBe(200);
    expect(res.body.lines.length).toBeGreaterThanOrEqual(4);
    expect(sent.some((s) => s.sql.includes('priced_involvements'))).toBe(true);
    expect(sent.some((s) => s.sql.includes('payout_lines'))).toBe(true);

    const runner = api.t.app.get(DataSource).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // Tables this small are cheapest to read whole; ask instead whether an index can answer.
      for (const whole of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin'])
        await runner.query(`SET LOCAL ${whole} = off`);
      const scans: string[] = [];
      for (const { sql, parameters } of sent) {
        const [{ 'QUERY PLAN': plan }] = (await runner.query(
          `EXPLAIN (FORMAT JSON) ${sql}`,
          parameters,
        )) as Array<{
          'QUERY PLAN': Array<{ Plan: PlanNode }>;
        }>;
        for (const table of scannedWhole(plan[0].Plan))
          scans.push(`${table} read whole by: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
      expect(scans).toEqual([]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
