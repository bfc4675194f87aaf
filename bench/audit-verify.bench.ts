import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { generateSigningKey, loadSigningKey } from '../libs/audit/src/notary';
import { NotaryLeavesProjection } from '../libs/audit/src/notary-service/notary-leaves.projection';
import { Notary } from '../libs/audit/src/notary-service/notary.service';
import { LogVerifier } from '../libs/audit/src/verification/log-verifier';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { rebuildProjection } from '../libs/event-store/src/projections/rebuild-projection';
import { withDatabase } from '../libs/platform/src/database/database-url';
import { startEmbeddedPostgres } from '../libs/platform/src/database/embedded-postgres';
import { runMigrations } from '../libs/platform/src/database/migrate';
import { FixedClock } from '../libs/shared-kernel/src/clock';

/**
 * `npm run build && node -r ./tools/register-paths.js dist/bench/audit-verify.bench.js`:
 * POST /v1/audit/verify's work (LogVerifier.verify) over BENCH_EVENTS events
 * (default 50,000) with a signed checkpoint, on one embedded PostgreSQL. Prints
 * events per second, how long the event loop was blocked at most (what a
 * concurrent GET /health would wait), how busy it was (event-loop utilisation)
 * and the peak growth of the process's memory.
 */
const TOTAL = Number(process.env.BENCH_EVENTS ?? 50_000);
const PER_APPEND = 100;

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

    global.gc?.();
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    let worstLateMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worstLateMs = Math.max(worstLateMs, now - last - 5);
      last = now;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 5);
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    const busyBefore = performance.eventLoopUtilization();
    const started = performance.now();
    const report = await verifier.verify(checkpoint);
    const seconds = (performance.now() - started) / 1000;
    const busy = performance.eventLoopUtilization(busyBefore);
    histogram.disable();
    clearInterval(ticker);
    console.log(
      `verified=${report.verified} events=${report.events} in ${seconds.toFixed(2)} s: ` +
        `${(report.events / seconds).toFixed(0)} events/s`,
    );
    console.log(
      `event loop: longest block ${worstLateMs.toFixed(0)} ms (delay p99 ${(histogram.percentile(99) / 1e6).toFixed(0)} ms, ` +
        `max ${(histogram.max / 1e6).toFixed(0)} ms), busy ${(busy.utilization * 100).toFixed(0)}% of the run; peak RSS growth ${((peakRss - baseRss) / 2 ** 20).toFixed(0)} MiB`,
    );
    await store.close();
    await pool.end();
    await dataSource.destroy();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
