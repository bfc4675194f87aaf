import type { Pool, PoolClient } from 'pg';
import type { Clock } from '@app/shared-kernel';
import type { AppendResult } from '../event-store.port';
import { AppendPlanner, type AppendRequest } from './append-planner';

interface Pending {
  request: AppendRequest;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export const EVENTS_CHANNEL = 'bm_events_appended';

/**
 * Group commit: appends that arrive while a transaction is in flight wait and
 * then share the next one. Every guarantee holds per append (its own expected
 * version, its own retry result, its own failure): the planner decides each in
 * turn under the head lock. If the shared transaction fails, each append is
 * retried alone so one bad append cannot fail its neighbours.
 */
export class GroupCommitWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly onCommitted: (head: number) => void,
    private readonly maxEventsPerCommit = 2000,
  ) {}

  submit(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.flushing ??= this.drain();
    });
  }

  /** Resolves once everything submitted so far is committed or failed. */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async drain(): Promise<void> {
    // Let appends issued in the same tick join the first transaction too.
    await new Promise((r) => setImmediate(r));
    while (this.queue.length > 0) {
      const group = this.takeGroup();
      try {
        await this.commit(group);
      } catch {
        for (const pending of group) await this.commit([pending]).catch(pending.reject);
      }
    }
    this.flushing = undefined;
  }

  private takeGroup(): Pending[] {
    let events = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || events + this.queue[count].request.events.length <= this.maxEventsPerCommit)) {
      events += this.queue[count].request.events.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private async commit(group: Pending[]): Promise<void> {
    const client = await this.pool.connect();
    const outcomes: Array<{ ok: true; result: AppendResult } | { ok: false; error: unknown }> = [];
    try {
      await client.query('BEGIN');
      const planner = await this.planner(client, group);
      for (const { request } of group) {
        try {
          outcomes.push({ ok: true, result: planner.plan(request) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      if (planner.rows.length > 0) {
        await client.query(
          `INSERT INTO events (global_position, stream_id, version, event_id, type, data, metadata, hash, recorded_at)
           SELECT global_position, stream_id, version, event_id, type, data, metadata, hash, recorded_at
           FROM jsonb_to_recordset($1::jsonb) AS r(global_position bigint, stream_id text, version integer,
             event_id uuid, type text, data jsonb, metadata jsonb, hash text, recorded_at timestamptz)`,
          [JSON.stringify(planner.rows)],
        );
        await client.query('UPDATE event_store_head SET position = $1', [planner.head]);
        await client.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, String(planner.head)]);
      }
      await client.query('COMMIT');
      if (planner.rows.length > 0) this.onCommitted(planner.head);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw error;
    }
    client.release();
    group.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
  }

  private async planner(client: PoolClient, group: Pending[]): Promise<AppendPlanner> {
    const head = await client.query<{ position: string }>('SELECT position FROM event_store_head FOR UPDATE');
    const ids = group.flatMap((p) => p.request.events.map((e) => e.eventId.toLowerCase()));
    const streams = [...new Set(group.map((p) => p.request.streamId))];
    const [stored, versions] = await Promise.all([
      client.query<{ event_id: string; stream_id: string; version: number; global_position: string }>(
        'SELECT event_id, stream_id, version, global_position FROM events WHERE event_id = ANY($1::uuid[])',
        [ids],
      ),
      client.query<{ stream_id: string; version: number }>(
        'SELECT stream_id, max(version) AS version FROM events WHERE stream_id = ANY($1::text[]) GROUP BY stream_id',
        [streams],
      ),
    ]);
    return new AppendPlanner(
      Number(head.rows[0].position),
      this.clock.now().toISOString(),
      stored.rows.map((r) => [r.event_id, { streamId: r.stream_id, version: r.version, position: Number(r.global_position) }]),
      versions.rows.map((r) => [r.stream_id, r.version]),
    );
  }
}
