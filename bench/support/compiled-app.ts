import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The compiled app as `npm start` runs it on embedded defaults (embedded
 * PostgreSQL in a temporary DATA_DIR, projections in the same process), for
 * benches that measure through HTTP. Rate limits are off: a bench's few
 * callers would otherwise measure the limits.
 */
export const ROOT = resolve(__dirname, '..', '..', '..');

export interface Answer {
  status: number;
  body: string;
  bytes: number;
}

export interface CompiledApp {
  port: number;
  dataDir: string;
  pid: number | undefined;
  call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  devSecret(): string;
  stop(): Promise<void>;
}

/**
 * This shell's environment as `npm start` on embedded defaults sees it: no
 * server, store, broker or secrets from the caller's shell; `extra` on top.
 */
export function embeddedDefaults(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of [
    'DATABASE_URL',
    'AUTH_JWT_SECRET',
    'AUTH_JWKS_URL',
    'NODE_ENV',
    'EVENT_STORE',
    'KAFKA_BROKERS',
  ])
    delete env[name];
  return env;
}

/** `dataDir`: open a DATA_DIR seeded beforehand and leave it in place at stop (default: a fresh one, removed). */
export async function startCompiledApp(callers = 16, seeded?: string): Promise<CompiledApp> {
  const dataDir = seeded ?? mkdtempSync(join(tmpdir(), 'bm-bench-app-'));
  const port = await freePort();
  const env = embeddedDefaults({ PORT: String(port), DATA_DIR: dataDir });
  env.RATE_LIMIT_PER_MINUTE = 'off';
  env.RATE_LIMIT_BURST = 'off';
  const child = spawn(process.execPath, ['-r', './tools/register-paths.js', 'dist/apps/api/src/main.js'], {
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
  const agent = new Agent({ keepAlive: true, maxSockets: callers });
  const call: CompiledApp['call'] = (method, path, token, body, headers = {}) =>
    send(agent, port, method, path, token, body, headers);
  const app: CompiledApp = {
    port,
    dataDir,
    pid: child.pid,
    call,
    devSecret: () => readFileSync(join(dataDir, 'auth-jwt.secret'), 'utf8').trim(),
    async stop() {
      agent.destroy();
      const code = await stopChild(child);
      if (code !== 0) console.error(`the API exited with ${code}:\n${tail.join('')}`);
      if (seeded === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await untilHealthy(app, child, () => tail.join(''));
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

/** Resolves once every projection has reached the head of the log (GET /health). */
export async function projectionsCaughtUp(app: CompiledApp, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await app.call('GET', '/health');
    if (status === 200) {
      const health = JSON.parse(body) as { projections: Array<{ name: string; lag: number }> };
      if (health.projections.every((p) => p.lag === 0)) return;
    }
    if (Date.now() > deadline)
      throw new Error(`projections did not catch up within ${timeoutMs} ms: ${body}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The 1, 5 and 15 minute load averages. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** The peak resident memory of a process so far (VmHWM), in MB, or undefined off Linux. */
export function peakRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** One HTTP request on a keep-alive agent, with the answer's body read whole. */
export function send(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  token: string | undefined,
  body: unknown,
  headers: Record<string, string>,
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolveAnswer, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(payload
            ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const all = Buffer.concat(chunks);
          resolveAnswer({ status: res.statusCode ?? 0, body: all.toString(), bytes: all.length });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
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

async function untilHealthy(app: CompiledApp, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await app.call('GET', '/health')).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no healthy answer within 180 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit) => {
    child.once('exit', (code) => resolveExit(code));
    child.kill('SIGINT');
  });
}
