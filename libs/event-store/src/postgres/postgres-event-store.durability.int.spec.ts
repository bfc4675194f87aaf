import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { freePort } from '../../../platform/src/database/embedded-postgres';
import { runMigrations } from '../../../platform/src/database/migrate';
import { clusterProcesses } from '../../../testing/src/postgres/cluster-processes';
import { PostgresEventStore } from './postgres-event-store';

const SERVER_SCRIPT = join(__dirname, '../../../testing/src/postgres/killable-server.js');

interface KillableServer {
  url: string;
  child: ChildProcess;
}

/** Gone and reaped (the server script is the postmaster's parent): PostgreSQL refuses to start beside a zombie. */
async function gone(pids: number[]): Promise<void> {
  while (pids.some((pid) => existsSync(`/proc/${pid}`))) await new Promise((r) => setTimeout(r, 20));
}

async function startServer(dataDir: string, password: string): Promise<KillableServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_SCRIPT, dataDir, String(port), password], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the test server exited with ${code}`)));
  });
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, child };
}

/**
 * An append is answered only once its events are on disk. The appending
 * transaction commits asynchronously (docs/adr/0002); what makes the answer
 * true is the durability barrier after it. This kills PostgreSQL outright
 * (every process, SIGKILL: what is only in its WAL buffers is gone) right
 * after the answers, with the WAL writer slowed to 10 s so that it cannot
 * flush for us, and counts what survives the restart.
 */
describe('PostgresEventStore durability', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-durability-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged append when PostgreSQL is killed right after the answers', async () => {
    const password = randomBytes(12).toString('hex');
    const first = await startServer(dataDir, password);
    await runMigrations(first.url);
    const pool = new Pool({ connectionString: first.url, max: 4 });
    await pool.query(`ALTER SYSTEM SET wal_writer_delay = '10s'`);
    await pool.query(`SELECT pg_reload_conf()`);
    const store = new PostgresEventStore({ pool });
    const acknowledged: number[] = [];
    for (let n = 0; n < 40; n++) {
      const result = await store.append(
        `durable-${n}`,
        [{ eventId: randomUUID(), type: 'Counted', data: { n, padding: 'x'.repeat(200) } }],
        'no-stream',
        { actor: 'tester', correlationId: 'durability' },
      );
      acknowledged.push(result.lastPosition);
    }

    pool.on('error', () => undefined); // its idle connections are about to drop
    const cluster = clusterProcesses(dataDir);
    for (const pid of cluster) process.kill(pid, 'SIGKILL');
    await gone(cluster);
    first.child.kill('SIGKILL');
    await pool.end().catch(() => undefined);

    const second = await startServer(dataDir, password);
    const after = new Pool({ connectionString: second.url, max: 1 });
    try {
      const { rows } = await after.query<{ position: string }>(
        `SELECT global_position AS position FROM events WHERE stream_id LIKE 'durable-%' ORDER BY global_position`,
      );
      expect(rows.map((r) => Number(r.position))).toEqual(acknowledged);
    } finally {
      await after.end();
      const cluster = clusterProcesses(dataDir);
      process.kill(cluster[0], 'SIGINT'); // fast shutdown
      await gone(cluster);
      second.child.kill('SIGKILL');
    }
  }, 60_000);
});
