import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { startEmbeddedPostgres } from '../libs/platform/src/database/embedded-postgres';
import { withDatabase } from '../libs/platform/src/database/database-url';
import { runMigrations } from '../libs/platform/src/database/migrate';

/**
 * `npm run bench`: 20,000 one-event appends from 16 concurrent callers, on one
 * embedded PostgreSQL, side by side in one run; our store also at 64 and 256
 * callers. Timings on a shared machine are noisy, so the contenders take turns
 * for several rounds (each round on fresh databases, each contender warmed up
 * first) and each figure is the median of its rounds; compare the ratios
 * printed at the end, not the absolute numbers (docs/adr/0019).
 *
 * The yardstick for 16 one-event callers is the serial floor: one connection
 * inserting 16 rows per statement with synchronous commit, the next statement
 * sent only after the commit answered. 16 callers that are each answered only
 * after a WAL flush can never share more than 16 events per flush.
 *
 * `npm run bench -- --quick` (or BENCH_QUICK=1): one round of 5,000, for a smoke run.
 */
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const TOTAL = Number(process.env.BENCH_EVENTS ?? (QUICK ? 5_000 : 20_000));
const CALLERS = Number(process.env.BENCH_CALLERS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
/** Enough for every contender to reach steady state: 50 statements of the 100-row INSERT, 300+ batches of ours. */
const WARM_UP = QUICK ? 2_000 : 5_000;
/** More callers for our store: a batch holds at most as many events as there are callers waiting. */
const MORE_CALLERS = [64, 256];

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
  /** Concurrent loops calling `append`. */
  callers: number;
  eventsPerCall: number;
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

function ours(callers: number): Contender {
  let pool: Pool;
  let store: PostgresEventStore;
  return {
    name: `our store (group commit), ${callers} callers`,
    callers,
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

/** One multi-row INSERT of `rows` fresh events: the statement and its parameters. */
function insertStatement(rows: number): [string, unknown[]] {
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
  return [
    `INSERT INTO raw_events (stream_id, version, event_id, type, data, metadata) VALUES ${tuples.join(',')}`,
    values,
  ];
}

function rawInsert(rows: number): Contender {
  let pool: Pool;
  return {
    name: rows === 1 ? 'raw pg single-row INSERT' : `raw pg ${rows}-row INSERT`,
    callers: CALLERS,
    eventsPerCall: rows,
    async setup(url) {
      pool = new Pool({ connectionString: url, max: CALLERS });
      await pool.query(RAW_TABLE);
    },
    async append() {
      await pool.query(...insertStatement(rows));
    },
    async teardown() {
      await pool.end();
    },
  };
}

/**
 * The serial floor: one connection, `rows` rows per statement, synchronous
 * commit, each statement sent after the previous one's commit answered.
 */
function serialFloor(rows: number): Contender {
  let client: Client;
  return {
    name: `raw pg ${rows}-row INSERT, 1 connection, serial`,
    callers: 1,
    eventsPerCall: rows,
    async setup(url) {
      client = new Client({ connectionString: url });
      await client.connect();
      await client.query(RAW_TABLE);
      await client.query('SET synchronous_commit = on');
    },
    async append() {
      await client.query(...insertStatement(rows));
    },
    async teardown() {
      await client.end();
    },
  };
}

function emmett(): Contender {
  type EmmettStore = {
    appendToStream(stream: string, events: Array<{ type: string; data: unknown }>): Promise<unknown>;
    schema: { migrate(): Promise<unknown> };
    close(): Promise<void>;
  };
  let store: EmmettStore;
  return {
    name: "Emmett's PostgreSQL event store",
    callers: CALLERS,
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
  const contenders = [
    ours(CALLERS),
    rawInsert(1),
    serialFloor(CALLERS),
    rawInsert(100),
    emmett(),
    ...MORE_CALLERS.map(ours),
  ];
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
        const { callers, eventsPerCall } = contender;
        await measure(WARM_UP, callers, eventsPerCall, (n) => contender.append(n));
        const rate = await measure(TOTAL, callers, eventsPerCall, (n) => contender.append(n));
        await contender.teardown();
        rates[i].push(rate);
        console.log(`round ${round}  ${contender.name.padEnd(46)} ${rate.toFixed(0).padStart(8)} events/s`);
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
  const [ourRate, raw1, floor, raw100, emmettRate, ...more] = rates.map(median);
  const at256 = more[MORE_CALLERS.indexOf(256)];
  console.log(
    `\n${TOTAL} one-event appends (${CALLERS} concurrent callers unless named), one embedded PostgreSQL, median of ${ROUNDS} rounds, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const [i, contender] of contenders.entries())
    console.log(`${contender.name.padEnd(46)} ${median(rates[i]).toFixed(0).padStart(8)} events/s`);
  const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`\ntargets (docs/adr/0019):`);
  console.log(
    `${CALLERS} callers: our store / serial ${CALLERS}-row floor   ${percent(ourRate / floor).padStart(7)}  (target >= 60 %, ${verdict(ourRate / floor >= 0.6)})`,
  );
  console.log(
    `${CALLERS} callers: our store / Emmett             ${`${(ourRate / emmettRate).toFixed(2)}x`.padStart(7)}  (target >= 5x, ${verdict(ourRate / emmettRate >= 5)})`,
  );
  if (at256 !== undefined)
    console.log(
      `256 callers: our store / raw 100-row INSERT  ${percent(at256 / raw100).padStart(7)}  (target >= 50 %, ${verdict(at256 / raw100 >= 0.5)})`,
    );
  console.log(`\nfor reference:`);
  console.log(
    `${CALLERS} callers: our store / raw 100-row INSERT   ${percent(ourRate / raw100).padStart(7)}`,
  );
  console.log(
    `${CALLERS} callers: our store / raw single-row INSERT ${`${(ourRate / raw1).toFixed(2)}x`.padStart(6)}`,
  );
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
