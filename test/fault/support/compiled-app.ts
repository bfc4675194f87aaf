import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../..');
/** Written after each build this suite makes. */
const STAMP = join(ROOT, 'dist/.fault-suite-build');
const SOURCES = ['apps', 'libs', 'infra', 'tools', 'bench'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm run build` when a source file is newer than the last build (dist/ is what the app runs). */
export function buildIfStale(): void {
  let built = 0;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    // never built
  }
  const newest = Math.max(...SOURCES.map((dir) => newestSource(join(ROOT, dir))));
  if (newest <= built) return;
  // A full emit: an incremental one was seen to leave a changed file's old output in place.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--incremental', 'false'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

export interface RunningApp {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** What the process wrote so far, both streams. */
  output(): string;
}

/** The compiled API as `npm start` runs it, in a process of its own. */
export function startApp(port: number, env: Record<string, string>): RunningApp {
  const child = spawn(process.execPath, ['-r', './tools/register-paths.js', 'dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, port, exited, output: () => log };
}

/** Polls /health of this process until it answers 200; the time it did. */
export async function healthy(app: RunningApp, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let exitedWith: number | string | undefined;
  void app.exited.then((code) => (exitedWith = code));
  for (;;) {
    if (exitedWith !== undefined) throw new Error(`the app exited with ${exitedWith}:\n${app.output()}`);
    // Only once this process listens: another one may have taken a port that was free a moment ago.
    if (app.output().includes(`listening on http://localhost:${app.port} `))
      try {
        const res = await fetch(`http://127.0.0.1:${app.port}/health`);
        if (res.status === 200) return Date.now();
      } catch {
        // not answering yet
      }
    if (Date.now() > deadline) throw new Error(`no healthy answer within ${timeoutMs} ms:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
