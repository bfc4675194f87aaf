import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A newcomer's first hour, as they live it: the compiled app started as
 * `npm start` starts it (in a process group of its own, like a terminal's
 * foreground job), the README's walkthrough pasted into a shell, the token
 * command, a worker beside the app, the demo twice, and Ctrl-C.
 */
const root = join(__dirname, '..', '..');
const port = 30_000 + Math.floor(Math.random() * 20_000);
const workerPort = port + 1;
const dataDir = mkdtempSync(join(tmpdir(), 'bm-first-hour-'));
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), DATA_DIR: dataDir };
const run = promisify(execFile);

interface Started {
  child: ChildProcess;
  output: () => string;
}

function start(entry: string, extra: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, ['-r', './tools/register-paths.js', entry], {
    cwd: root,
    env: { ...env, PORT: String(port), WORKER_PORT: String(workerPort), ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function until(
  what: string,
  test: () => boolean,
  timeoutMs = 90_000,
  watched?: Started,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    const ended = watched !== undefined && watched.child.exitCode !== null;
    if (ended || Date.now() > deadline)
      throw new Error(
        `gave up waiting for ${what}${ended ? ` (the process ended with code ${watched.child.exitCode})` : ''}` +
          (watched ? `; it printed:\n${watched.output().slice(-4000)}` : ''),
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

type Health = { projections: Array<{ name: string; state: string; checkpoint: number; active: boolean }> };

async function health(at: number): Promise<Health> {
  return (await (await fetch(`http://127.0.0.1:${at}/health`)).json()) as Health;
}

function walkthrough(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.slice(
    readme.indexOf('<!-- walkthrough:start -->'),
    readme.indexOf('<!-- walkthrough:end -->'),
  );
  return block.slice(block.indexOf('```bash') + '```bash'.length, block.lastIndexOf('```'));
}

describe('the first hour', () => {
  let api: Started;

  beforeAll(async () => {
    execFileSync(process.execPath, ['tools/run-compiled.js', '--build-if-stale'], {
      cwd: root,
      stdio: 'ignore',
    });
    api = start('dist/apps/api/src/main.js');
    await until('"listening on"', () => api.output().includes('listening on'), 90_000, api);
  }, 240_000);

  afterAll(async () => {
    if (api.child.exitCode === null) {
      process.kill(-api.child.pid!, 'SIGINT');
      await exited(api.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with a few lines, no route-mapping chatter, before "listening on"', () => {
    const beforeListening = api.output().slice(0, api.output().indexOf('listening on'));
    expect(beforeListening).not.toContain('Mapped {');
    expect(beforeListening.split('\n').length).toBeLessThan(10);
  });

  it('npm run -s token prints the token alone, and the API accepts what $(…) captures', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'token', '--', '--sub', 'aud', '--role', 'auditor'], {
      cwd: root,
      env,
    });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const res = await fetch(`http://127.0.0.1:${port}/v1/guidelines`, {
      headers: { Authorization: `Bearer ${stdout.trim()}` },
    });
    expect(res.status).toBe(200);
  }, 120_000);

  it('npm run -s token mints a representative only with --participant, and the API lets them read themselves only', async () => {
    const token = (...extra: string[]) =>
      run('npm', ['run', '-s', 'token', '--', '--sub', 'rep', '--role', 'representative', ...extra], {
        cwd: root,
        env,
      });
    await expect(token()).rejects.toMatchObject({
      stderr: expect.stringContaining('--participant is required with --role representative'),
    });
    const { stdout } = await token('--participant', 'participant-of-rep');
    const auth = { Authorization: `Bearer ${stdout.trim()}` };
    const guidelines = await fetch(`http://127.0.0.1:${port}/v1/guidelines`, { headers: auth });
    expect(guidelines.status).toBe(403);
    const own = await fetch(`http://127.0.0.1:${port}/v1/participants/participant-of-rep`, { headers: auth });
    expect(own.status).toBe(404);
  }, 120_000);

  it("runs the README's walkthrough as written: lead, finance, auditor", async () => {
    // One more step after the walkthrough: adding a lead answers {id, version}, not the stored event.
    const script = `${walkthrough()}
echo "lead added: $(post /v1/projects/$PROJECT/leads "$LEAD" '{"sub": "ola", "name": "Ola Nordmann"}')"
echo "project: $PROJECT"`;
    const { stdout } = await run('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd: root,
      env: { ...env, API: `http://127.0.0.1:${port}` },
      maxBuffer: 10 * 1024 * 1024,
    });
    expect(stdout).toContain('honorarium (øre): 235050');
    expect(stdout).toContain('batch: settled');
    expect(stdout).toMatch(/Máret Ŋuolja;12838820083;15030000010;/);
    expect(stdout).toContain('history: InvolvementLogged');
    expect(stdout).toContain('participation: symbolic-risk');
    expect(stdout).toContain('log verified: true');
    const projectId = /project: (\S+)/.exec(stdout)?.[1];
    const added = JSON.parse(/lead added: (.*)/.exec(stdout)?.[1] ?? 'null') as Record<string, unknown>;
    expect(added).toEqual({ id: projectId, version: expect.any(Number) });
  }, 240_000);

  it('runs a worker beside it: its projections wait in standby at the real checkpoint, quietly', async () => {
    const worker = start('dist/apps/worker/src/main.js');
    try {
      await until('the worker', () => worker.output().includes('worker running'), 90_000, worker);
      // A standby process asks for every lock each second; a dozen rounds used to leak listeners.
      await new Promise((r) => setTimeout(r, 13_000));
      const [mine, theirs] = await Promise.all([health(port), health(workerPort)]);
      const checkpoints = new Map(mine.projections.map((p) => [p.name, p.checkpoint]));
      expect(theirs.projections.length).toBeGreaterThan(0);
      for (const projection of theirs.projections) {
        expect(projection).toMatchObject({ state: 'standby', active: false });
        expect(projection.checkpoint).toBe(checkpoints.get(projection.name));
        expect(projection.checkpoint).toBeGreaterThan(0);
      }
      expect(worker.output()).not.toContain('MaxListenersExceededWarning');

      const second = start('dist/apps/worker/src/main.js');
      expect(await exited(second.child)).toBe(1);
      expect(second.output()).toContain(`port ${workerPort} is already in use`);
      expect(second.output()).toContain('set WORKER_PORT');
      expect(second.output()).not.toMatch(/^\s+at /m);
    } finally {
      worker.child.kill('SIGINT');
      expect(await exited(worker.child)).toBe(0);
    }
  }, 180_000);

  it('loads the demo world beside the running app, and a second run adds nothing', async () => {
    const demo = () => run('npm', ['run', '-s', 'demo'], { cwd: root, env, maxBuffer: 10 * 1024 * 1024 });
    const first = await demo();
    const second = await demo();
    const events = (out: string) => Number(/(\d+) events in the log/.exec(out)?.[1]);
    expect(events(first.stdout)).toBeGreaterThan(50);
    expect(events(second.stdout)).toBe(events(first.stdout));
    const ids = (out: string) => out.replace(/export \w+=\S+/g, '');
    expect(ids(second.stdout)).toEqual(ids(first.stdout));
    expect(first.stdout).toMatch(/export LEAD=[\w-]+\.[\w-]+\.[\w-]+/);
    expect(first.stdout).toContain('/v1/reports/annual?year=2025&format=html');
  }, 300_000);

  it('projections:rebuild names an unknown projection, lists the known ones and exits 2', async () => {
    const failed = await run('npm', ['run', '-s', 'projections:rebuild', '--', 'no-such-projection'], {
      cwd: root,
      env,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    const { stderr } = failed as { stderr: string };
    expect(stderr).toContain('unknown projection "no-such-projection"');
    expect(stderr).toMatch(/known projections: .*stream-catalogue/);
  }, 120_000);

  it('stops in order on Ctrl-C in its terminal: no lost connections, PostgreSQL stopped last', async () => {
    const postmaster = Number(
      readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const before = api.output().length;
    process.kill(-api.child.pid!, 'SIGINT'); // the whole foreground process group, as a terminal does
    expect(await exited(api.child)).toBe(0);
    const shutdown = api.output().slice(before);
    expect(shutdown).toContain('SIGINT received: answering 0 request(s) in flight, then shutting down');
    expect(shutdown).not.toContain('idle connection lost');
    expect(shutdown).not.toContain('relay round failed');
    expect(shutdown).not.toMatch(/ERROR|WARN/);
    expect(() => process.kill(postmaster, 0)).toThrow();
  }, 120_000);
});
