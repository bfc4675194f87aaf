import { extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RehashReply, RehashRequest, StoredFields } from './rehash.worker';

type Pending = { resolve: (reply: RehashReply) => void; reject: (error: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Compiled (dist): the .js beside this file. From TypeScript sources (ts-jest): compiled as it loads. */
function startWorker(): Worker {
  const file = join(__dirname, `rehash.worker${extname(__filename)}`);
  if (file.endsWith('.js')) return new Worker(file);
  const register = resolve(__dirname, '../../../../tools/register-ts.js');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(file)});`, {
    eval: true,
  });
}

/**
 * One worker thread, started on first use and kept: requests (from any
 * number of verifications) are answered in order. Ref'd only while a request
 * waits for its answer, so an idle worker never keeps the process alive (an
 * unclosed one kept jest's workers from exiting); close() ends it. If the thread dies, the
 * waiting requests fail and the next use starts a fresh one (see LogVerifier).
 */
export class RehashWorker {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failed: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: RehashReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.kind === 'error') waiting?.reject(new Error(reply.message));
      else waiting?.resolve(reply);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the verification worker stopped (exit code ${code})`)));
    // Last: adding a 'message' listener refs the worker's port again (Node), which undid an earlier unref().
    worker.unref();
  }

  static start(): RehashWorker {
    return new RehashWorker(startWorker());
  }

  /** The recomputed hashes (32 bytes each, in order) and the indexes whose stored hash differs. */
  async rehash(events: StoredFields[]): Promise<{ hashes: Uint8Array; changed: number[] }> {
    // Stored values came from JSON, so its text carries them exactly (even -0 hashes as 0 either way).
    return this.rehashJson(JSON.stringify(events));
  }

  /** The same, for StoredFields[] already written as one JSON text (a page of the log). */
  async rehashJson(events: string): Promise<{ hashes: Uint8Array; changed: number[] }> {
    const reply = await this.ask({ kind: 'rehash', events });
    if (reply.kind !== 'rehash') throw new Error(`unexpected reply ${reply.kind}`);
    return reply;
  }

  /** Base64 MTH of the first `count` of the packed leaf inputs. */
  async root(hashes: Uint8Array, count: number): Promise<string> {
    const reply = await this.ask({ kind: 'root', hashes: hashes.subarray(0, count * 32), count });
    if (reply.kind !== 'root') throw new Error(`unexpected reply ${reply.kind}`);
    return reply.root;
  }

  get broken(): boolean {
    return this.failed !== undefined;
  }

  async close(): Promise<void> {
    this.failed ??= new Error('the verification worker was closed');
    await this.worker.terminate();
  }

  private ask(request: WithoutId<RehashRequest>): Promise<RehashReply> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise<RehashReply>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failed);
    this.pending.clear();
    this.worker.unref();
  }
}
