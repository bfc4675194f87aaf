import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clusterProcesses } from '../../../libs/testing/src/postgres/cluster-processes';

const SERVER_SCRIPT = join(__dirname, '../../../libs/testing/src/postgres/killable-server.js');

/** A PostgreSQL server the test owns (libs/testing/src/postgres/killable-server.js) and may kill. */
export class KillablePostgres {
  private child: ChildProcess | undefined;

  constructor(
    private readonly dataDir: string,
    readonly port: number,
    private readonly password: string,
  ) {}

  /** The server's `postgres` database. */
  get url(): string {
    return `postgres://postgres:${this.password}@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [SERVER_SCRIPT, this.dataDir, String(this.port), this.password], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`the test server exited with ${code}: ${errors}`)));
    });
  }

  /** SIGKILL to every process of the cluster, as a crash would; then the script that started it. */
  async kill(): Promise<void> {
    await this.end('SIGKILL', this.clusterProcesses());
  }

  /** A fast shutdown (SIGINT to the postmaster), for the end of a test. */
  async stop(): Promise<void> {
    if (this.child) await this.end('SIGINT', this.clusterProcesses().slice(0, 1));
  }

  private async end(signal: NodeJS.Signals, targets: number[]): Promise<void> {
    const cluster = this.clusterProcesses();
    for (const pid of targets) tryKill(pid, signal);
    // Gone and reaped by the script (the postmaster's parent): PostgreSQL refuses to start beside a zombie.
    while (cluster.some((pid) => existsSync(`/proc/${pid}`))) await new Promise((r) => setTimeout(r, 20));
    if (this.child?.pid) tryKill(this.child.pid, 'SIGKILL');
    this.child = undefined;
  }

  /** Every process of the cluster, the postmaster first. */
  private clusterProcesses(): number[] {
    return clusterProcesses(this.dataDir);
  }
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone already
  }
}
