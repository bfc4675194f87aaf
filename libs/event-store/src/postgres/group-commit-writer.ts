import type { Pool, PoolClient, QueryResult } from 'pg';
import type { Clock } from '@app/shared-kernel';
import type { AppendResult } from '../event-store.port';
import { AppendPlanner, type AppendRequest } from './append-planner';

interface Pending {
  request: AppendRequest;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

export const EVENTS_CHANNEL = 'bm_events_appended';

/**
 * Group commit (docs/adr/0002-gap-free-global-order.md): appends that arrive
 * while a transaction is in flight share the next one, and each is still
 * decided on its own (expected version, retry, failure) under the head lock.
 *
 * The head lock orders commits, so it must be held until COMMIT, but not
 * through the disk flush: the appending transaction commits asynchronously
 * and the callers are answered only after a durability barrier (a synchronous
 * commit on the same connection, whose WAL flush covers every earlier record).
 * The next group takes the lock while the previous one's flush is under way,
 * and PostgreSQL merges the concurrent flushes. No caller is ever told
 * "appended" before the events are on disk.
 */
export class GroupCommitWriter {
  private queue: Pending[] = [];
  private draining: Promise<void> | undefined;
  private readonly barriers = new Set<Promise<void>>();

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly onCommitted: (head: number) => void,
    private readonly maxEventsPerCommit = 2000,
  ) {}

  submit(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /** Resolves once everything submitted so far is durable or failed. */
  async idle(): Promise<void> {
    while (this.draining || this.barriers.size > 0) await Promise.all([this.draining, ...this.barriers]);
  }

  private async drain(): Promise<void> {
    // Let appends issued in the same tick join the first transaction too.
    await new Promise((r) => setImmediate(r));
    while (this.queue.length > 0) {
      const group = this.takeGroup();
      try {
        await this.commit(group);
      } catch {
        // One bad append must not fail its neighbours: try each alone.
        for (const pending of group) await this.commit([pending]).catch(pending.reject);
      }
    }
    this.draining = undefined;
  }

  private takeGroup(): Pending[] {
    let events = 0;
    let count = 0;
    while (
      count < this.queue.length &&
      (count === 0 || events + this.queue[count].request.events.length <= this.maxEventsPerCommit)
    ) {
      events += this.queue[count].request.events.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  /** Appends the group under the head lock; answers the callers once it is durable. */
  private async commit(group: Pending[]): Promise<void> {
    const client = await this.pool.connect();
    let outcomes: Outcome[];
    let head: number | undefined;
    try {
      ({ outcomes, head } = await this.appendLocked(client, group));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw error;
    }
    if (head !== undefined) this.onCommitted(head);
    const barrier = this.durable(client, head !== undefined).then(
      () => group.forEach((pending, i) => settle(pending, outcomes[i])),
      (error: unknown) => group.forEach((pending) => pending.reject(error)),
    );
    this.barriers.add(barrier);
    void barrier.finally(() => this.barriers.delete(barrier));
  }

  private async appendLocked(
    client: PoolClient,
    group: Pending[],
  ): Promise<{ outcomes: Outcome[]; head: number | undefined }> {
    const planner = await this.planner(client, group);
    const outcomes = group.map(({ request }): Outcome => {
      try {
        return { ok: true, result: planner.plan(request) };
      } catch (error) {
        return { ok: false, error };
      }
    });
    if (planner.rows.length === 0) {
      await client.query('COMMIT');
      return { outcomes, head: undefined };
    }
    // One round trip while the lock is held: write, move the head, notify, commit.
    // (Simple protocol: the rows travel as one escaped JSON literal.)
    const head = String(Math.trunc(planner.head));
    await client.query(`
      INSERT INTO events (global_position, stream_id, version, event_id, type, data, metadata, hash, recorded_at)
      SELECT global_position, stream_id, version, event_id, type, data, metadata, hash, recorded_at
      FROM jsonb_to_recordset(${client.escapeLiteral(JSON.stringify(planner.rows))}::jsonb) AS r(global_position bigint,
        stream_id text, version integer, event_id uuid, type text, data jsonb, metadata jsonb, hash text, recorded_at timestamptz);
      UPDATE event_store_head SET position = ${head};
      SELECT pg_notify('${EVENTS_CHANNEL}', '${head}');
      COMMIT;
    `);
    return { outcomes, head: planner.head };
  }

  /** Takes the head lock, then (with a fresh snapshot) reads what the planner needs, in one round trip. */
  private async planner(client: PoolClient, group: Pending[]): Promise<AppendPlanner> {
    const ids = group.flatMap((p) => p.request.events.map((e) => e.eventId.toLowerCase()));
    const streams = [...new Set(group.map((p) => p.request.streamId))];
    const literal = (values: string[]) =>
      client.escapeLiteral(`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
    // Simple-protocol statements run one after the other, each with its own
    // snapshot, so the reads after the lock see every earlier commit.
    const results = (await client.query(`
      BEGIN;
      SET LOCAL synchronous_commit TO OFF;
      SELECT position FROM event_store_head FOR UPDATE;
      SELECT event_id, stream_id, version, global_position FROM events WHERE event_id = ANY(${literal(ids)}::uuid[]);
      SELECT stream_id, max(version) AS version FROM events WHERE stream_id = ANY(${literal(streams)}::text[]) GROUP BY stream_id;
    `)) as unknown as QueryResult[];
    const [head, stored, versions] = results.slice(2) as [
      QueryResult<{ position: string }>,
      QueryResult<{ event_id: string; stream_id: string; version: number; global_position: string }>,
      QueryResult<{ stream_id: string; version: number }>,
    ];
    return new AppendPlanner(
      Number(head.rows[0].position),
      this.clock.now().toISOString(),
      stored.rows.map((r) => [
        r.event_id,
        { streamId: r.stream_id, version: r.version, position: Number(r.global_position) },
      ]),
      versions.rows.map((r) => [r.stream_id, r.version]),
    );
  }

  /** A synchronous commit that writes WAL: its flush makes every earlier commit durable too. */
  private async durable(client: PoolClient, wroteEvents: boolean): Promise<void> {
    try {
      if (wroteEvents) await client.query('SELECT pg_current_xact_id()');
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  }
}

function settle(pending: Pending, outcome: Outcome): void {
  if (outcome.ok) pending.resolve(outcome.result);
  else pending.reject(outcome.error);
}
