import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { START, type EventStore } from '@app/event-store';
import { HASH_BYTES } from '../notary/hash-encoding';
import { verifyCheckpoint, type Checkpoint } from '../notary';
import { PositionedHashes } from './positioned-hashes';
import { RehashWorker } from './rehash-worker.client';
import { storedPages, type ReadPage, type StoredPage } from './stored-pages';
import type { VerificationFailure, VerificationReport } from './verification-report';

const PAGE = 1000;
/** Comparisons between yields to the event loop: a few milliseconds of work. */
const SLICE = 16_384;

type Rehashed = { hashes: Uint8Array; changed: number[] };

/** How far a verification has come: events rehashed, then notary leaves read. */
export interface VerificationProgress {
  phase: 'events' | 'leaves';
  done: number;
  /** The phase's last page. */
  complete: boolean;
}

export interface VerifyOptions {
  /** Called after every page read. */
  onProgress?: (progress: VerificationProgress) => void;
}

/**
 * What an outside auditor does: read the log exactly as stored (the RAW
 * store, no upcasting), recompute every content hash, rebuild the Merkle tree
 * from those hashes and compare its root with a signed checkpoint.
 *
 * When the root differs (someone rewrote an event and its stored hash), the
 * notary's own leaf record is checked against the same signed root: if it
 * matches, every leaf is authenticated by the signature and the changed event
 * is named by comparing leaf by leaf.
 *
 * The log is read a page at a time; hashing runs on a worker thread (the
 * event loop stays free for other requests) and only each event's position
 * and 32-byte hash are kept (ADR 0013).
 */
export class LogVerifier {
  private worker: RehashWorker | undefined;
  private readonly readPage: ReadPage;

  constructor(
    private readonly rawStore: EventStore,
    private readonly db: DataSource,
  ) {
    this.readPage = storedPages(rawStore, db);
  }

  /** Ends the hashing thread (the next verification would start another). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.close();
  }

  /** `trustedPublicKey`: base64 raw Ed25519 key the checkpoint must be signed with (default: its own). */
  async verify(
    checkpoint: Checkpoint | null,
    trustedPublicKey?: string,
    options: VerifyOptions = {},
  ): Promise<VerificationReport> {
    const failures = new Failures();
    if (this.worker === undefined || this.worker.broken) this.worker = RehashWorker.start();
    const hasher = this.worker;
    const events = await this.rehashAll(hasher, failures, options);
    if (checkpoint !== null)
      await this.checkTree(hasher, checkpoint, trustedPublicKey, events, failures, options);
    await this.nameEvents(failures, events);
    const list = failures.list();
    return {
      verified: list.length === 0,
      events: events.length,
      checkpoint:
        checkpoint === null
          ? null
          : {
              origin: checkpoint.origin,
              treeSize: checkpoint.treeSize,
              rootHash: checkpoint.rootHash,
              signedAt: checkpoint.signedAt,
            },
      failures: list,
    };
  }

  /**
   * Keyset pages of the raw log, each handed to the worker as one JSON text
   * in one message. While the worker hashes a page, the next one is read and
   * sent, so it never waits for the database: at most two pages are in flight.
   */
  private async rehashAll(
    hasher: RehashWorker,
    failures: Failures,
    { onProgress }: VerifyOptions,
  ): Promise<PositionedHashes> {
    const events = new PositionedHashes();
    const record = async ({ page, hashing }: { page: StoredPage; hashing: Promise<Rehashed> }) => {
      const { hashes, changed } = await hashing;
      for (const i of changed)
        failures.add(
          page.events[i],
          'the stored content no longer matches its stored hash: the event was changed',
        );
      events.append(
        page.events.map((e) => e.position),
        hashes,
      );
      onProgress?.({ phase: 'events', done: events.length, complete: page.events.length < PAGE });
    };
    let previous: { page: StoredPage; hashing: Promise<Rehashed> } | undefined;
    let after = START;
    for (;;) {
      const page = await this.readPage(after, PAGE);
      const hashing = hasher.rehashJson(page.json);
      hashing.catch(() => undefined); // awaited below or on the next round; not unhandled meanwhile
      if (previous) await record(previous);
      previous = { page, hashing };
      if (page.events.length < PAGE) {
        await record(previous);
        return events;
      }
      after = page.events[page.events.length - 1].position;
    }
  }

  private async checkTree(
    hasher: RehashWorker,
    checkpoint: Checkpoint,
    trustedPublicKey: string | undefined,
    events: PositionedHashes,
    failures: Failures,
    options: VerifyOptions,
  ): Promise<void> {
    if (!verifyCheckpoint(checkpoint, trustedPublicKey)) {
      failures.addLog('the checkpoint signature does not verify with the notary public key');
      return;
    }
    const { treeSize, rootHash } = checkpoint;
    const leaves = await this.leaves(options);
    if (events.length >= treeSize && (await hasher.root(events.packed(), treeSize)) === rootHash) {
      await this.compareUnsignedLeaves(leaves, events, treeSize, failures);
      return;
    }
    if (leaves.length < treeSize || (await hasher.root(leaves.packed(), treeSize)) !== rootHash) {
      failures.addLog(
        `the tree over the stored events does not match the signed root for treeSize ${treeSize}, and the notary's leaf record does not either, so the changed event cannot be named`,
      );
      return;
    }
    // The leaf record is authenticated by the signature: name every event that differs from it.
    const signed = new Uint8Array(events.length);
    for (let i = 0; i < treeSize; i += 1) {
      if (i % SLICE === SLICE - 1) await yieldToEventLoop();
      const position = leaves.position(i);
      const e = events.indexOf(position);
      if (e === -1)
        failures.add(
          { position, streamId: null, version: null },
          `the event signed in checkpoint ${treeSize} is missing from the store`,
        );
      else {
        signed[e] = 1;
        if (!events.sameHash(e, leaves, i))
          failures.add(unnamed(position), `the event differs from the one signed in checkpoint ${treeSize}`);
      }
    }
    const lastSigned = treeSize > 0 ? leaves.position(treeSize - 1) : 0;
    for (let e = 0; e < events.length && events.position(e) <= lastSigned; e += 1)
      if (signed[e] === 0)
        failures.add(
          unnamed(events.position(e)),
          `the event is not in the log signed in checkpoint ${treeSize}: it was inserted`,
        );
  }

  /** Events after the checkpoint: no signature yet, but the notary's record must still agree. */
  private async compareUnsignedLeaves(
    leaves: PositionedHashes,
    events: PositionedHashes,
    treeSize: number,
    failures: Failures,
  ): Promise<void> {
    for (let i = treeSize; i < leaves.length; i += 1) {
      if (i % SLICE === SLICE - 1) await yieldToEventLoop();
      const e = events.indexOf(leaves.position(i));
      if (e !== -1 && !events.sameHash(e, leaves, i))
        failures.add(
          unnamed(leaves.position(i)),
          'the event differs from the hash the notary recorded (not yet in a signed checkpoint)',
        );
    }
  }

  /** The notary's leaf record in leaf order, a page at a time. */
  private async leaves({ onProgress }: VerifyOptions): Promise<PositionedHashes> {
    const leaves = new PositionedHashes();
    for (let after = -1; ;) {
      const rows: Array<{ leaf_index: string; position: string; event_hash: string }> = await this.db.query(
        'SELECT leaf_index, position, event_hash FROM notary_leaves WHERE leaf_index > $1 ORDER BY leaf_index LIMIT $2',
        [after, PAGE],
      );
      const hashes = new Uint8Array(rows.length * HASH_BYTES);
      // A malformed stored hash stays all zeros: it matches no event and no signed root.
      rows.forEach((row, i) => {
        if (/^[0-9a-f]{64}$/.test(row.event_hash))
          hashes.set(Buffer.from(row.event_hash, 'hex'), i * HASH_BYTES);
      });
      leaves.append(
        rows.map((row) => Number(row.position)),
        hashes,
      );
      onProgress?.({ phase: 'leaves', done: leaves.length, complete: rows.length < PAGE });
      if (rows.length < PAGE) return leaves;
      after = Number(rows[rows.length - 1].leaf_index);
    }
  }

  /**
   * Only positions and hashes were kept: the stream and version of each event
   * a failure names are read back, a page from each failure on.
   */
  private async nameEvents(failures: Failures, events: PositionedHashes): Promise<void> {
    const wanted = failures.unnamed().filter((position) => events.indexOf(position) !== -1);
    for (let i = 0; i < wanted.length;) {
      const page = await this.rawStore.readAll({ after: wanted[i] - 1, limit: PAGE });
      const byPosition = new Map(page.map((e) => [e.position, e]));
      const last = page.length > 0 ? page[page.length - 1].position : wanted[i];
      for (; i < wanted.length && wanted[i] <= last; i += 1) {
        const event = byPosition.get(wanted[i]);
        if (event) failures.name(event);
      }
    }
  }
}

/** A failure at a position whose stream and version are read back at the end (nameEvents). */
function unnamed(position: number) {
  return { position, streamId: null, version: null, unnamed: true };
}

/** At most one failure per event, with every reason found. */
class Failures {
  private readonly byEvent = new Map<string, VerificationFailure>();
  private readonly toName = new Set<number>();

  add(
    event: { position: number; streamId: string | null; version: number | null; unnamed?: boolean },
    reason: string,
  ): void {
    const key = `event:${event.position}`;
    const known = this.byEvent.get(key);
    if (known) known.reason = `${known.reason}; ${reason}`;
    else {
      this.byEvent.set(key, {
        position: event.position,
        streamId: event.streamId,
        version: event.version,
        reason,
      });
      if (event.unnamed) this.toName.add(event.position);
    }
  }

  addLog(reason: string): void {
    this.byEvent.set(`log:${this.byEvent.size}`, { position: null, streamId: null, version: null, reason });
  }

  /** Positions of failures still without stream and version, ascending. */
  unnamed(): number[] {
    return [...this.toName].sort((a, b) => a - b);
  }

  name(event: { position: number; streamId: string; version: number }): void {
    const failure = this.byEvent.get(`event:${event.position}`);
    if (failure && this.toName.delete(event.position)) {
      failure.streamId = event.streamId;
      failure.version = event.version;
    }
  }

  list(): VerificationFailure[] {
    return [...this.byEvent.values()].sort((a, b) => (a.position ?? -1) - (b.position ?? -1));
  }
}
