import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';

const root = join(__dirname, '..');
const port = 30_000 + Math.floor(Math.random() * 20_000);

/** `npm start` on embedded defaults, as a user runs it: the compiled app in a process of its own. */
function start(dataDir: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['-r', './tools/register-paths.js', 'dist/apps/api/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function healthy(): Promise<{ checks: { eventStore: { head: number } } }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) return (await res.json()) as { checks: { eventStore: { head: number } } };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('no healthy answer within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

/** GET /health with a 60 KB header, which Node's HTTP parser refuses before Express runs. */
function oversizedHeaderAnswer(): Promise<{ status?: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/health', headers: { 'X-Padding': 'a'.repeat(60 * 1024) } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The embedded server's address, as the running app left it in DATA_DIR. */
function embeddedUrl(dataDir: string): string {
  const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
  const pgPort = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .split('\n')[3]
    .trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/brukermedvirkning`;
}

describe('npm start on embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-start-'));
  // As `npm start` builds: only when stale, and never while another test's app loads dist/.
  beforeAll(
    () =>
      execFileSync(process.execPath, ['tools/run-compiled.js', '--build-if-stale'], {
        cwd: root,
        stdio: 'ignore',
      }),
    240_000,
  );
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /health with real PostgreSQL, shuts down cleanly on Ctrl-C, and keeps the data across a restart', async () => {
    const first = start(dataDir);
    expect((await healthy()).checks.eventStore.head).toBe(0);
    const oversized = await oversizedHeaderAnswer();
    expect(oversized).toMatchObject({ status: 431, type: 'application/problem+json' });
    expect(JSON.parse(oversized.body)).toMatchObject({ status: 431 });
    const pool = new Pool({ connectionString: embeddedUrl(dataDir) });
    const store = new PostgresEventStore({ pool });
    await store.append(
      `probe-${randomUUID()}`,
      [{ eventId: randomUUID(), type: 'ProbeRecorded', data: { note: 'blåbær' } }],
      'no-stream',
      {
        actor: 'test',
        correlationId: 'c',
      },
    );
    await store.close();
    await pool.end();
    expect(await stop(first)).toBe(0);

    const second = start(dataDir);
    try {
      expect((await healthy()).checks.eventStore.head).toBe(1);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });

  it('gives up on an unreachable PostgreSQL after STARTUP_TIMEOUT_SECONDS, naming the setting and the address', async () => {
    const child = start(dataDir, {
      DATABASE_URL: 'postgres://bm:do-not-print@127.0.0.1:1/bm',
      STARTUP_TIMEOUT_SECONDS: '2',
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PostgreSQL at 127.0.0.1:1/bm (DATABASE_URL) did not answer within 2s');
    expect(stderr).toContain('STARTUP_TIMEOUT_SECONDS');
    expect(stderr).not.toContain('do-not-print');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('with NODE_ENV=production refuses to start on generated keys or without an identity provider, naming each setting', async () => {
    const productionDir = mkdtempSync(join(tmpdir(), 'bm-production-'));
    try {
      const child = start(productionDir, { NODE_ENV: 'production' });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      for (const setting of [
        'PII_MASTER_KEY',
        'NOTARY_SIGNING_KEY',
        'ALLOW_GENERATED_KEYS=true',
        'AUTH_JWKS_URL',
      ])
        expect(stderr).toContain(setting);
      expect(stderr).not.toMatch(/^\s+at /m);
      // Nothing was generated next to the data, and no database was started.
      expect(readdirSync(productionDir)).toEqual([]);
    } finally {
      rmSync(productionDir, { recursive: true, force: true });
    }
  });
});
