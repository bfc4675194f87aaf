import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../libs/platform/src/database/embedded-postgres';
import { signDevToken } from '../apps/api/src/http/auth/dev-token';
import { embeddedDefaults, send } from './support/compiled-app';

/**
 * `npm run bench:http` (docs/adr/0019): logging involvements through HTTP, as
 * users feel it. Starts the compiled app as `npm start` does (embedded
 * PostgreSQL in a temporary DATA_DIR, projections in the same process),
 * creates a project with 40 appointed participants through the API, and
 * drives 16 callers that each log one involvement (user council, one
 * Idempotency-Key each) until the count is reached. Prints throughput,
 * p50/p95/p99 and how long after the last answer the project's involvement
 * list holds them all. Then, in the same run, the bare baseline
 * (bench/bare-baseline.server.ts: Fastify, the same JWT check, the same body
 * schema, one INSERT with synchronous commit) under the same load, and the
 * ratio of the two. The machine may be shared: the load average is printed
 * next to each figure, and the ratio matters more than the absolute numbers.
 *
 * Settings (environment): BENCH_HTTP_LOGS (4000), BENCH_HTTP_CALLERS (16),
 * BENCH_HTTP_WARM_UP (400). Flags: `--cpu-prof` writes a V8 CPU profile of the
 * API process, and the window of the measured load, into
 * `--cpu-prof-dir=<dir>` (default ./profiles/http-<time>); read it with
 * `npm run bench:profile -- <dir>`. `--count-queries` preloads
 * bench/count-pg-queries.ts into the API process and prints the statements
 * sent to PostgreSQL per request. `--skip-baseline` measures the app only.
 */
const LOGS = Number(process.env.BENCH_HTTP_LOGS ?? 4_000);
const CALLERS = Number(process.env.BENCH_HTTP_CALLERS ?? 16);
const WARM_UP = Number(process.env.BENCH_HTTP_WARM_UP ?? 400);
const PARTICIPANTS = 40;
/** Each participant logs once a day from here, so no day of one person passes 24 hours (docs/adr/0011). */
const FIRST_DAY = Date.UTC(2024, 0, 1);
const ROOT = resolve(__dirname, '..', '..');

const args = process.argv.slice(2);
const CPU_PROF = args.includes('--cpu-prof');
const CPU_PROF_DIR = resolve(
  args.find((a) => a.startsWith('--cpu-prof-dir='))?.slice('--cpu-prof-dir='.length) ??
    join(ROOT, 'profiles', `http-${new Date().toISOString().replace(/[:.]/g, '-')}`),
);
const SKIP_BASELINE = args.includes('--skip-baseline');
const COUNT_QUERIES = args.includes('--count-queries');

const agent = new Agent({ keepAlive: true, maxSockets: CALLERS });

interface Answer {
  status: number;
  body: string;
}

function call(
  port: number,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(agent, port, method, path, token, body, headers);
}

async function created(answer: Promise<Answer>, what: string): Promise<string> {
  const { status, body } = await answer;
  if (status !== 201) throw new Error(`creating ${what}: ${status} ${body}`);
  return (JSON.parse(body) as { id: string }).id;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function untilHealthy(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await call(port, 'GET', '/health')).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no healthy answer within 180 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Spawns a compiled script; keeps the last lines of its output for error messages. */
function spawnNode(script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []) {
  const child = spawn(process.execPath, [...nodeArgs, '-r', './tools/register-paths.js', script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString());
    if (tail.length > 40) tail.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => tail.join('') };
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit) => {
    child.once('exit', (code) => resolveExit(code));
    child.kill('SIGINT');
  });
}

/** The i-th log: participant i mod 40, one day further every 40 logs. */
function involvement(i: number, participants: string[]) {
  const day = new Date(FIRST_DAY + Math.floor(i / participants.length) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return {
    participantId: participants[i % participants.length],
    form: 'user-council',
    occurredOn: day,
    attendance: 'in-person',
    hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
    topic: 'Ny pasientreise-ordning for Nordland og Sápmi',
  };
}

interface LoadResult {
  seconds: number;
  rate: number;
  latenciesMs: number[];
  statuses: Map<number, number>;
  firstFailure?: string;
  /** process.hrtime of the measured window, in µs (the clock V8's CPU profile uses). */
  windowUs: { start: number; end: number };
  load: string;
  /** CPU seconds (user + system) during the window: the server's Node process, and PostgreSQL's processes. */
  cpu?: { server: number; postgres: number };
}

/** What the bench can see of a server under load: its Node process and its PostgreSQL's postmaster. */
interface Watched {
  serverPid?: number;
  postmasterPidFile: string;
}

const TICKS_PER_SECOND = 100;

/** utime, stime, cutime, cstime and ppid of a process from /proc (Linux), or undefined. */
function procStat(pid: number): { own: number; children: number; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = (i: number) => Number(fields[i]) / TICKS_PER_SECOND;
    // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
    return { ppid: Number(fields[1]), own: tick(11) + tick(12), children: tick(13) + tick(14) };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by the server process and by PostgreSQL (the
 * postmaster, its exited backends as reaped children, and its live children).
 */
function cpuSoFar(watched: Watched): { server: number; postgres: number } | undefined {
  if (!watched.serverPid || !procStat(watched.serverPid)) return undefined;
  const server = procStat(watched.serverPid)?.own ?? 0;
  let postgres = 0;
  try {
    const postmaster = Number(readFileSync(watched.postmasterPidFile, 'utf8').split('\n')[0]);
    const root = procStat(postmaster);
    if (root) postgres += root.own + root.children;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = procStat(Number(entry));
      if (child?.ppid === postmaster) postgres += child.own;
    }
  } catch {
    return { server, postgres: Number.NaN };
  }
  return { server, postgres };
}

/** `count` requests from CALLERS concurrent loops; request `i` is `send(first + i)`. */
async function drive(
  count: number,
  first: number,
  send: (i: number) => Promise<Answer>,
  watched?: Watched,
): Promise<LoadResult> {
  const cpuBefore = watched && cpuSoFar(watched);
  const latenciesMs: number[] = [];
  const statuses = new Map<number, number>();
  let firstFailure: string | undefined;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = process.hrtime.bigint();
        const answer = await send(first + i);
        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status !== 201 && !firstFailure) firstFailure = `${answer.status} ${answer.body}`;
      }
    }),
  );
  const ended = process.hrtime.bigint();
  const seconds = Number(ended - started) / 1e9;
  return {
    seconds,
    rate: count / seconds,
    latenciesMs,
    statuses,
    firstFailure,
    windowUs: { start: Number(started / 1000n), end: Number(ended / 1000n) },
    load: loadAverage(),
    cpu: cpuUsed(cpuBefore, watched && cpuSoFar(watched)),
  };
}

function cpuUsed(
  before: { server: number; postgres: number } | undefined,
  after: { server: number; postgres: number } | undefined,
): { server: number; postgres: number } | undefined {
  if (!before || !after) return undefined;
  return { server: after.server - before.server, postgres: after.postgres - before.postgres };
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(name: string, result: LoadResult): void {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const statuses = [...result.statuses].map(([status, n]) => `${n}x ${status}`).join(', ');
  console.log(
    `${name.padEnd(34)} ${result.rate.toFixed(0).padStart(6)} /s   p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms   (${statuses}; ${result.seconds.toFixed(1)} s; load average ${result.load})`,
  );
  if (result.cpu) {
    const { server, postgres } = result.cpu;
    const perRequest = (seconds: number) => `${((seconds * 1000) / result.latenciesMs.length).toFixed(2)} ms`;
    const ofCore = (seconds: number) => `${((seconds / result.seconds) * 100).toFixed(0)} % of a core`;
    console.log(
      `${''.padEnd(34)} CPU per request: server process ${perRequest(server)} (${ofCore(server)}), PostgreSQL ${perRequest(postgres)} (${ofCore(postgres)})`,
    );
  }
  if (result.firstFailure) console.log(`  first refusal: ${result.firstFailure.slice(0, 300)}`);
}

/** Seconds from now until the project's involvement list holds `expected` items (paged, 1000 a page). */
async function readModelLag(
  port: number,
  token: string,
  projectId: string,
  expected: number,
): Promise<number> {
  const started = process.hrtime.bigint();
  const deadline = Date.now() + 120_000;
  for (;;) {
    let seen = 0;
    let after: string | null = null;
    do {
      const query: string = `limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const { status, body } = await call(
        port,
        'GET',
        `/v1/projects/${projectId}/involvements?${query}`,
        token,
      );
      if (status !== 200) throw new Error(`GET involvements: ${status} ${body}`);
      const page = JSON.parse(body) as { items: unknown[]; next: string | null };
      seen += page.items.length;
      after = page.next;
    } while (after);
    if (seen >= expected) return Number(process.hrtime.bigint() - started) / 1e9;
    if (Date.now() > deadline) throw new Error(`the list holds ${seen} of ${expected} after 120 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function benchApp(): Promise<LoadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-bench-http-'));
  const port = await freePort();
  // Embedded defaults, as `npm start` without settings: no server, no secrets from the caller's shell.
  const env = embeddedDefaults({ PORT: String(port), DATA_DIR: dataDir });
  // One lead's token stands for sixteen callers; per-caller rate limits (ADR 0013) would measure themselves.
  env.RATE_LIMIT_PER_MINUTE = 'off';
  env.RATE_LIMIT_BURST = 'off';
  if (CPU_PROF) mkdirSync(CPU_PROF_DIR, { recursive: true });
  const nodeArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  const countFile = join(dataDir, 'pg-queries.json');
  if (COUNT_QUERIES) {
    nodeArgs.push('-r', './dist/bench/count-pg-queries.js');
    env.BENCH_PG_COUNT_FILE = countFile;
  }
  const { child, output } = spawnNode('dist/apps/api/src/main.js', env, nodeArgs);
  const queriesSoFar = () => (COUNT_QUERIES ? pgQueries(child, countFile) : Promise.resolve({}));
  try {
    await untilHealthy(port, child, output);
    const secret = readFileSync(join(dataDir, 'auth-jwt.secret'), 'utf8').trim();
    const lead = await signDevToken(
      { sub: 'bench-lead', name: 'Kari Bench', roles: ['project-lead'] },
      secret,
    );

    const projectId = await created(
      call(port, 'POST', '/v1/projects', lead, {
        name: 'Ny pasientreise-ordning',
        organizationId: 'helse-nord',
        region: 'helse-midt-norge',
        level: 'service',
      }),
      'the project',
    );
    const participants: string[] = [];
    for (let p = 0; p < PARTICIPANTS; p++) {
      const participantId = await created(
        call(port, 'POST', '/v1/participants', lead, { name: `Deltaker ${p}`, bankAccount: '1234.56.78903' }),
        'a participant',
      );
      await created(
        call(port, 'POST', `/v1/projects/${projectId}/appointments`, lead, {
          participantId,
          role: 'member',
          nominatedBy: 'Brukerutvalget',
          appointedBy: 'Styret',
          from: '2023-12-01',
        }),
        'an appointment',
      );
      participants.push(participantId);
    }
    const lastDay = FIRST_DAY + Math.floor((WARM_UP + LOGS) / PARTICIPANTS) * 86_400_000;
    if (lastDay > Date.now())
      throw new Error(`${WARM_UP + LOGS} logs would reach beyond today: at most one a day per participant`);

    const send = (i: number) =>
      call(port, 'POST', `/v1/projects/${projectId}/involvements`, lead, involvement(i, participants), {
        'Idempotency-Key': `bench-${i}`,
      });
    console.log(`world: 1 project, ${PARTICIPANTS} appointed participants; warming up with ${WARM_UP} logs`);
    await drive(WARM_UP, 0, send);
    await readModelLag(port, lead, projectId, WARM_UP);
    const queriesBefore = await queriesSoFar();
    const result = await drive(LOGS, WARM_UP, send, {
      serverPid: child.pid,
      postmasterPidFile: join(dataDir, 'postgres', 'postmaster.pid'),
    });
    const lag = await readModelLag(port, lead, projectId, WARM_UP + LOGS);
    const queriesAfter = await queriesSoFar();
    report('the API (log involvement)', result);
    console.log(
      `${''.padEnd(34)} read model: the list held all ${WARM_UP + LOGS} ${(lag * 1000).toFixed(0)} ms after the last answer (target <= 1000 ms; load average ${loadAverage()})`,
    );
    if (COUNT_QUERIES) reportQueries(queriesBefore, queriesAfter);
    if (CPU_PROF)
      writeFileSync(
        join(CPU_PROF_DIR, 'load-window.json'),
        JSON.stringify({ ...result.windowUs, requests: LOGS }),
      );
    return result;
  } finally {
    const code = await stop(child);
    if (code !== 0) console.error(`the API exited with ${code}:\n${output()}`);
    rmSync(dataDir, { recursive: true, force: true });
    if (CPU_PROF) console.log(`CPU profile of the API process in ${CPU_PROF_DIR}`);
  }
}

/** The API process's statement counts so far (bench/count-pg-queries.ts answers SIGUSR2). */
async function pgQueries(child: ChildProcess, file: string): Promise<Record<string, number>> {
  rmSync(file, { force: true });
  child.kill('SIGUSR2');
  for (let waited = 0; waited < 10_000; waited += 50) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('the API process did not report its statement counts');
}

/** Statements per logged involvement during the measured load (including the projections and the list polls). */
function reportQueries(before: Record<string, number>, after: Record<string, number>): void {
  const per = Object.entries(after)
    .map(([sql, n]) => [sql, (n - (before[sql] ?? 0)) / LOGS] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = per.reduce((sum, [, n]) => sum + n, 0);
  console.log(`statements sent to PostgreSQL per logged involvement: ${total.toFixed(2)}`);
  for (const [sql, n] of per.slice(0, 25)) console.log(`${n.toFixed(2).padStart(8)}  ${sql}`);
}

async function benchBaseline(): Promise<LoadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-bench-bare-'));
  const database = await startEmbeddedPostgres({ dataDir, persistent: false });
  const port = await freePort();
  const secret = 'bench-bare-baseline-secret-of-32-bytes';
  const { child, output } = spawnNode('dist/bench/bare-baseline.server.js', {
    PATH: process.env.PATH,
    PORT: String(port),
    DATABASE_URL: database.url,
    JWT_SECRET: secret,
  });
  try {
    await untilHealthy(port, child, output);
    const lead = await signDevToken(
      { sub: 'bench-lead', name: 'Kari Bench', roles: ['project-lead'] },
      secret,
    );
    const participants = Array.from({ length: PARTICIPANTS }, (_, p) => `participant-${p}`);
    const send = (i: number) =>
      call(port, 'POST', '/v1/projects/bench/involvements', lead, involvement(i, participants), {
        'Idempotency-Key': `bench-${i}`,
      });
    await drive(WARM_UP, 0, send);
    const result = await drive(LOGS, WARM_UP, send, {
      serverPid: child.pid,
      postmasterPidFile: join(dataDir, 'postgres', 'postmaster.pid'),
    });
    report('bare Fastify + jose + pg baseline', result);
    return result;
  } finally {
    await stop(child);
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `${LOGS} involvements logged by ${CALLERS} concurrent callers (after ${WARM_UP} to warm up); load average ${loadAverage()} on ${cpus().length} cores`,
  );
  const app = await benchApp();
  if (SKIP_BASELINE) return;
  const bare = await benchBaseline();
  const p99 = (r: LoadResult) =>
    percentile(
      [...r.latenciesMs].sort((a, b) => a - b),
      99,
    );
  console.log(
    `\nratio the API / bare baseline: throughput ${((app.rate / bare.rate) * 100).toFixed(1)} %, p99 ${(p99(app) / p99(bare)).toFixed(1)}x`,
  );
  console.log(
    `targets (issue 14): >= 1000 involvements/s at 16 callers (${app.rate.toFixed(0)}), p99 <= 50 ms (${p99(app).toFixed(1)} ms)`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => agent.destroy());
