import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { startEmbeddedPostgres } from '../libs/platform/src/database/embedded-postgres';
import { withDatabase } from '../libs/platform/src/database/database-url';
import { runMigrations } from '../libs/platform/src/database/migrate';

/**
 * `npm run bench`: 20,000 one-event appends from 16 concurrent callers, on one
 * embedded PostgreSQL, side by side in one run. Timings on a shared machine are
 * noisy, so the contenders take turns for several rounds (each round on fresh
 * databases, each contender warmed up first) and each figure is the median of
 * its rounds; compare the ratios printed at the end, not the absolute numbers.
 */
const TOTAL = Number(process.env.BENCH_EVENTS ?? 20_000);
const CALLERS = Number(process.env.BENCH_CALLERS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Enough for every contender to reach steady state: 50 statements of the 100-row INSERT, 300+ batches of ours. */
const WARM_UP = 5_000;

const payload = () => ({
  participantId: randomUUID(),
  form: 'user-council',
  occurredOn: '2025-03-10',
  attendance: 'in-person',
  hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
  topic: 'Ny pasientreise-ordning for Nordland og Sápmi',
});
const metadata = { actor: 'bench', correlationId: 'bench', causationId: null };

type Contender = {
  name: string;
  setup(url: string): Promise<void>;
  append(n: number): Promise<void>;
  teardown(): Promise<void>;
};

/** Runs `total` operations from `callers` concurrent loops; returns events per second. */
async function measure(
  total: number,
  callers: number,
  eventsPerCall: number,
  op: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const calls = Math.ceil(total / eventsPerCall);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = next++; i < calls; i = next++) await op(i);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (calls * eventsPerCall) / seconds;
}

const RAW_TABLE = `CREATE TABLE raw_events (global_position bigserial PRIMARY KEY, stream_id text NOT NULL, version int NOT NULL,
  event_id uuid NOT NULL UNIQUE, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`;

function ours(): Contender & { eventsPerCall: number } {
  let pool: Pool;
  let store: PostgresEventStore;
  return {
    name: 'our store (group commit)',
    eventsPerCall: 1,
    async setup(url) {
      await runMigrations(url);
      pool = new Pool({ connectionString: url, max: CALLERS });
      store = new PostgresEventStore({ pool });
    },
    async append() {
      await store.append(
        `involvement-${randomUUID()}`,
        [{ eventId: randomUUID(), type: 'InvolvementLogged', data: payload() }],
        'no-stream',
        metadata,
      );
    },
    async teardown() {
      await store.close();
      await pool.end();
    },
  };
}

function rawInsert(rows: number): Contender & { eventsPerCall: number } {
  let pool: Pool;
  return {
    name: rows === 1 ? 'raw pg single-row INSERT' : `raw pg ${rows}-row INSERT`,
    eventsPerCall: rows,
    async setup(url) {
      pool = new Pool({ connectionString: url, max: CALLERS });
      await pool.query(RAW_TABLE);
    },
    async append() {
      const values: unknown[] = [];
      const tuples = Array.from({ length: rows }, (_, r) => {
        values.push(
          `involvement-${randomUUID()}`,
          randomUUID(),
          JSON.stringify(payload()),
          JSON.stringify(metadata),
        );
        return `($${r * 4 + 1}, 1, $${r * 4 + 2}, 'InvolvementLogged', $${r * 4 + 3}, $${r * 4 + 4})`;
      });
      await pool.query(
        `INSERT INTO raw_events (stream_id, version, event_id, type, data, metadata) VALUES ${tuples.join(',')}`,
        values,
      );
    },
    async teardown() {
      await pool.end();
    },
  };
}

function emmett(): Contender & { eventsPerCall: number } {
  type EmmettStore = {
    appendToStream(stream: string, events: Array<{ type: string; data: unknown }>): Promise<unknown>;
    schema: { migrate(): Promise<unknown> };
    close(): Promise<void>;
  };
  let store: EmmettStore;
  return {
    name: "Emmett's PostgreSQL event store",
    eventsPerCall: 1,
    async setup(url) {
      const load = (name: string): Promise<{ getPostgreSQLEventStore(url: string): EmmettStore }> =>
        import(name);
      store = (await load('@event-driven-io/emmett-postgresql')).getPostgreSQLEventStore(url);
      await store.schema.migrate();
    },
    async append() {
      await store.appendToStream(`involvement-${randomUUID()}`, [
        { type: 'InvolvementLogged', data: payload() },
      ]);
    },
    async teardown() {
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  const contenders = [ours(), rawInsert(1), rawInsert(100), emmett()];
  const rates = contenders.map((): number[] => []);
  let databases = 0;
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, contender] of contenders.entries()) {
        const database = `bench_${databases++}`;
        const admin = new Client({ connectionString: server.url });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${database}`);
        await admin.end();
        await contender.setup(withDatabase(server.url, database));
        await measure(WARM_UP, CALLERS, contender.eventsPerCall, (n) => contender.append(n));
        const rate = await measure(TOTAL, CALLERS, contender.eventsPerCall, (n) => contender.append(n));
        await contender.teardown();
        rates[i].push(rate);
        console.log(`round ${round}  ${contender.name.padEnd(36)} ${rate.toFixed(0).padStart(8)} events/s`);
      }
    }
  } finally {
    // Emmett keeps a pool of its own open; its connections end with the server.
    process.on('uncaughtException', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') throw error;
    });
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const [ourRate, raw1, raw100, emmettRate] = rates.map(median);
  console.log(
    `\n${TOTAL} one-event appends, ${CALLERS} concurrent callers, one embedded PostgreSQL, median of ${ROUNDS} rounds`,
  );
  for (const [i, contender] of contenders.entries())
    console.log(`${contender.name.padEnd(36)} ${median(rates[i]).toFixed(0).padStart(8)} events/s`);
  console.log(`ratio our store / Emmett:              ${(ourRate / emmettRate).toFixed(2)}x  (target >= 5x)`);
  console.log(
    `ratio our store / raw 100-row INSERT:  ${((ourRate / raw100) * 100).toFixed(0)} %  (target >= 60 %)`,
  );
  console.log(`ratio our store / raw single-row INSERT: ${(ourRate / raw1).toFixed(2)}x`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
