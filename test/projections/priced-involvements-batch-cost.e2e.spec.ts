import { DataSource, type EntityManager } from 'typeorm';
import { EVENT_STORE, type EventStore, type Projection } from '@app/event-store';
import { ProjectionRegistry, ProjectionRuntime } from '@app/platform';
import { ParticipationApi } from '../participation/support/builders';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const READ_MODEL = ['priced_involvements', 'priced_involvement_lines'];

/**
 * The read model's tables a plan reads whole: a sequential scan, or a walk
 * over a whole index (no condition on it), grows with the table.
 */
function scannedWhole(node: PlanNode): string[] {
  const table = node['Relation Name'] ?? '';
  const whole =
    node['Node Type'] === 'Seq Scan' ||
    (['Index Scan', 'Index Only Scan'].includes(node['Node Type']) && node['Index Cond'] === undefined);
  const own = whole && READ_MODEL.includes(table) ? [table] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scannedWhole)];
}

/**
 * docs/adr/0023, "Rebuild speed": a batch of the priced-involvement projection
 * costs what the batch touches, not the size of the read model. Each
 * statement a batch sends must be answerable from an index (sequential scans
 * and the joins that read a side whole switched off, so the planner takes an
 * index whenever one can answer; a statement no index can answer still
 * reads the table whole). The statement that found the
 * affected involvements with an OR across columns scanned the whole table on
 * every batch: a rebuild of 100,000 involvements paid the square of the history.
 */
describe('priced-involvement projection: the cost of a batch', () => {
  let api: ParticipationApi;
  let dataSource: DataSource;
  let projection: Projection;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    dataSource = api.t.app.get(DataSource);
    const council = await api.project({ level: 'system' });
    const people = [await api.participant(), await api.participant()];
    for (const person of people) await api.appoint(council, person);
    const logged: string[] = [];
    for (let day = 10; day < 14; day += 1)
      for (const person of people)
        logged.push(await api.involvement(council, person, { occurredOn: `2025-03-${day}` }));
    const corrected = await api.post(
      `/v1/involvements/${logged[0]}/corrections`,
      'lead',
      { changes: { hours: { meeting: 3 } }, reason: 'Møtet varte lenger' },
      { 'If-Match': '"1"' },
    );
    expect(corrected.status).toBe(200);
    expect(
      (await api.post(`/v1/involvements/${logged[1]}/void`, 'lead', { reason: 'Feil dato' })).status,
    ).toBe(200);
    await api.t.settled();
    await api.t.app.get(ProjectionRuntime).beforeApplicationShutdown();
    projection = api.t.app
      .get(ProjectionRegistry)
      .all()
      .find((p) => p.name === 'honorarium-priced-involvements')!;
  });
  afterAll(() => api.close());

  it('answers every statement of a batch of logs, corrections and voids from an index', async () => {
    const events = (await api.t.app.get<EventStore>(EVENT_STORE).readAll({ after: 0, limit: 10_000 })).filter(
      (e) => (projection.handles as readonly string[]).includes(e.type),
    );
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['InvolvementLogged', 'InvolvementCorrected', 'InvolvementVoided']),
    );
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const tx = runner.manager;
      // A table this small is cheapest to read whole; ask instead whether an index can answer.
      for (const whole of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin'])
        await tx.query(`SET LOCAL ${whole} = off`);
      const sent: Array<{ sql: string; parameters: unknown[] }> = [];
      const recording = Object.create(tx) as EntityManager;
      recording.query = (sql: string, parameters?: unknown[]) => {
        sent.push({ sql, parameters: parameters ?? [] });
        return tx.query(sql, parameters);
      };
      // Applied again on top of what the live runner wrote: every involvement is affected.
      await projection.applyBatch!(events, recording);
      const reading = sent.filter((s) => READ_MODEL.some((table) => s.sql.includes(table)));
      expect(reading.length).toBeGreaterThanOrEqual(5);
      const scans: string[] = [];
      for (const { sql, parameters } of reading) {
        const [{ 'QUERY PLAN': plan }] = await tx.query<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(
          `EXPLAIN (FORMAT JSON) ${sql}`,
          parameters,
        );
        for (const table of scannedWhole(plan[0].Plan))
          scans.push(`${table} read whole by: ${sql.replace(/\s+/g, ' ').slice(0, 120)}`);
      }
      expect(scans).toEqual([]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
