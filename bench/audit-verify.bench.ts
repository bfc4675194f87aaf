import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { generateSigningKey, loadSigningKey, MerkleLog } from '../libs/audit/src/notary';
import { NotaryLeavesProjection } from '../libs/audit/src/notary-service/notary-leaves.projection';
import { Notary } from '../libs/audit/src/notary-service/notary.service';
import { LogVerifier } from '../libs/audit/src/verification/log-verifier';
import { eventHash } from '../libs/event-store/src/event-hash';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { rebuildProjection } from '../libs/event-store/src/projections/rebuild-projection';
import { withDatabase } from '../libs/platform/src/database/database-url';
import { startEmbeddedPostgres } from '../libs/platform/src/database/embedded-postgres';
import { runMigrations } from '../libs/platform/src/database/migrate';
import { FixedClock } from '../libs/shared-kernel/src/clock';

/**
 * `npm run build && node -r ./tools/register-paths.js dist/bench/audit-verify.bench.js`:
 * POST /v1/audit/verify's work (LogVerifier.verify, hashing on a worker thread)
 * over BENCH_EVENTS events (default 50,000) with a signed checkpoint, side by
 * side with the baseline it replaced (rehashing on the event loop), taking
 * turns for BENCH_ROUNDS rounds on one embedded PostgreSQL. Per contender:
 * events per second, how long the event loop was blocked at most (what a
 * concurrent GET /health would wait), how busy it was (event-loop utilisation)
 * and the peak growth of the process's memory. On a shared machine compare
 * the two lines, not the absolute figures.
 */
const TOTAL = Number(process.env.BENCH_EVENTS ?? 50_000);
const PER_APPEND = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const payload = (n: number) => ({
  participantId: randomUUID(),
  form: 'user-council',
  occurredOn: '2025-03-10',
  attendance: 'in-person',
  hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
  expenses: [{ kind: 'mileage', km: 42 + (n % 7) }],
  topic: 'Ny pasientreise-ordning for Nordland og Sápmi',
});

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-bench-verify-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  try {
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE bench_verify');
    await admin.end();
    const url = withDatabase(server.url, 'bench_verify');
    await runMigrations(url);
    const clock = new FixedClock('2025-06-02T09:00:00.000Z');
    const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    const pool = new Pool({ connectionString: url });
    // pg-pool's end() resolves before its last client's socket closes; stopping the server then must not crash the run.
    pool.on('error', () => undefined);
    const store = new PostgresEventStore({ pool, clock });
    for (let n = 0; n < TOTAL; n += PER_APPEND) {
      const events = Array.from({ length: Math.min(PER_APPEND, TOTAL - n) }, (_, i) => ({
        eventId: randomUUID(),
        type: 'InvolvementLogged',
        data: payload(n + i),
      }));
      await store.append(`involvement-${randomUUID()}`, events, 'no-stream', {
        actor: 'bench',
        correlationId: 'bench',
      });
    }
    await rebuildProjection(store, dataSource, new NotaryLeavesProjection());
    const notary = new Notary(dataSource, clock, {
      origin: 'bench.example/log',
      signingKey: loadSigningKey(generateSigningKey()),
      eventsPerCheckpoint: TOTAL,
      maxPendingMs: 60_000,
      tickMs: 1000,
    });
    clock.advance(61_000);
    const [checkpoint] = await notary.checkpointIfDue();
    const verifier = new LogVerifier(store, dataSource);

    const contenders: Contender[] = [
      {
        name: 'baseline: rehash on the event loop',
        run: () => verifyOnEventLoop(store, checkpoint.treeSize),
      },
      { name: 'LogVerifier: worker thread', run: async () => (await verifier.verify(checkpoint)).events },
    ];
    const results = contenders.map((): Measured[] => []);
    for (let round = 1; round <= ROUNDS; round++)
      for (const [i, contender] of contenders.entries()) {
        const measured = await measure(contender);
        results[i].push(measured);
        console.log(`round ${round}  ${contender.name.padEnd(36)} ${describe(measured)}`);
      }
    console.log(
      `\n${TOTAL} events and a signed checkpoint, one embedded PostgreSQL, median of ${ROUNDS} rounds:`,
    );
    for (const [i, contender] of contenders.entries())
      console.log(`${contender.name.padEnd(36)} ${describe(median(results[i]))}`);
    await verifier.close();
    await store.close();
    await pool.end();
    await dataSource.destroy();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Contender = { name: string; run(): Promise<number> };
type Measured = {
  eventsPerSecond: number;
  /** CPU of the whole process (main and worker threads; not PostgreSQL's) per event: survives load. */
  cpuMicrosPerEvent: number;
  longestBlockMs: number;
  busy: number;
  rssGrowthMiB: number;
};

/** What verification did before ADR 0013, reduced to its cost: every page rehashed and the tree built on the event loop. */
async function verifyOnEventLoop(store: PostgresEventStore, treeSize: number): Promise<number> {
  const hashes: string[] = [];
  for (let after = 0; ;) {
    const page = await store.readAll({ after, limit: 1000 });
    for (const event of page) {
      const hash = eventHash(event);
      if (hash !== event.hash) throw new Error(`event ${event.position} was changed`);
      hashes.push(hash);
    }
    if (page.length < 1000) break;
    after = page[page.length - 1].position;
  }
  MerkleLog.fromEventHashes(hashes.slice(0, treeSize)).root(treeSize);
  return hashes.length;
}

async function measure(contender: Contender): Promise<Measured> {
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let longestBlockMs = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestBlockMs = Math.max(longestBlockMs, now - last - 5);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const busyBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const events = await contender.run();
  const seconds = (performance.now() - started) / 1000;
  const busy = performance.eventLoopUtilization(busyBefore).utilization;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(ticker);
  return {
    eventsPerSecond: events / seconds,
    cpuMicrosPerEvent: (cpu.user + cpu.system) / events,
    longestBlockMs,
    busy,
    rssGrowthMiB: (peakRss - baseRss) / 2 ** 20,
  };
}

function median(runs: Measured[]): Measured {
  const mid = <K extends keyof Measured>(key: K) =>
    runs.map((r) => r[key]).sort((a, b) => a - b)[runs.length >> 1];
  return {
    eventsPerSecond: mid('eventsPerSecond'),
    cpuMicrosPerEvent: mid('cpuMicrosPerEvent'),
    longestBlockMs: mid('longestBlockMs'),
    busy: mid('busy'),
    rssGrowthMiB: mid('rssGrowthMiB'),
  };
}

function describe(m: Measured): string {
  return (
    `${m.eventsPerSecond.toFixed(0).padStart(6)} events/s, ${m.cpuMicrosPerEvent.toFixed(1).padStart(5)} µs CPU/event, event loop blocked at most ${m.longestBlockMs.toFixed(0).padStart(4)} ms, ` +
    `busy ${(m.busy * 100).toFixed(0).padStart(3)}% of the run, peak RSS +${m.rssGrowthMiB.toFixed(0)} MiB`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
