import type { DataSource } from 'typeorm';
import { eventHash, START, type EventStore } from '@app/event-store';
import { MerkleLog, verifyCheckpoint, type Checkpoint } from '../notary';
import type { VerificationFailure, VerificationReport } from './verification-report';

interface RehashedEvent {
  position: number;
  streamId: string;
  version: number;
  /** Recomputed from the stored content, not read from the stored hash. */
  hash: string;
}

interface Leaf {
  position: number;
  hash: string;
}

const PAGE = 1000;

/**
 * What an outside auditor does: read the log exactly as stored (the RAW
 * store, no upcasting), recompute every content hash, rebuild the Merkle tree
 * from those hashes and compare its root with a signed checkpoint.
 *
 * When the root differs (someone rewrote an event and its stored hash), the
 * notary's own leaf record is checked against the same signed root: if it
 * matches, every leaf is authenticated by the signature and the changed event
 * is named by comparing leaf by leaf.
 */
export class LogVerifier {
  constructor(
    private readonly rawStore: EventStore,
    private readonly db: DataSource,
  ) {}

  /** `trustedPublicKey`: base64 raw Ed25519 key the checkpoint must be signed with (default: its own). */
  async verify(checkpoint: Checkpoint | null, trustedPublicKey?: string): Promise<VerificationReport> {
    const failures = new Failures();
    const events = await this.rehashAll(failures);
    if (checkpoint !== null) await this.checkTree(checkpoint, trustedPublicKey, events, failures);
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

  private async rehashAll(failures: Failures): Promise<RehashedEvent[]> {
    const events: RehashedEvent[] = [];
    for (let after = START; ;) {
      const page = await this.rawStore.readAll({ after, limit: PAGE });
      for (const event of page) {
        const hash = eventHash(event);
        const rehashed = { position: event.position, streamId: event.streamId, version: event.version, hash };
        if (hash !== event.hash)
          failures.add(
            rehashed,
            'the stored content no longer matches its stored hash: the event was changed',
          );
        events.push(rehashed);
      }
      if (page.length < PAGE) return events;
      after = page[page.length - 1].position;
    }
  }

  private async checkTree(
    checkpoint: Checkpoint,
    trustedPublicKey: string | undefined,
    events: RehashedEvent[],
    failures: Failures,
  ): Promise<void> {
    if (!verifyCheckpoint(checkpoint, trustedPublicKey)) {
      failures.addLog('the checkpoint signature does not verify with the notary public key');
      return;
    }
    const { treeSize, rootHash } = checkpoint;
    const leaves = await this.leaves();
    const byPosition = new Map(events.map((e) => [e.position, e]));
    if (
      events.length >= treeSize &&
      rootOf(
        events.map((e) => e.hash),
        treeSize,
      ) === rootHash
    ) {
      this.compareUnsignedLeaves(leaves, byPosition, treeSize, failures);
      return;
    }
    if (
      leaves.length < treeSize ||
      rootOf(
        leaves.map((l) => l.hash),
        treeSize,
      ) !== rootHash
    ) {
      failures.addLog(
        `the tree over the stored events does not match the signed root for treeSize ${treeSize}, and the notary's leaf record does not either, so the changed event cannot be named`,
      );
      return;
    }
    // The leaf record is authenticated by the signature: name every event that differs from it.
    const signedPositions = new Set<number>();
    for (const leaf of leaves.slice(0, treeSize)) {
      signedPositions.add(leaf.position);
      const event = byPosition.get(leaf.position);
      if (event === undefined)
        failures.add(
          { position: leaf.position, streamId: null, version: null },
          `the event signed in checkpoint ${treeSize} is missing from the store`,
        );
      else if (event.hash !== leaf.hash)
        failures.add(event, `the event differs from the one signed in checkpoint ${treeSize}`);
    }
    const lastSigned = leaves[treeSize - 1]?.position ?? 0;
    for (const event of events) {
      if (event.position <= lastSigned && !signedPositions.has(event.position))
        failures.add(event, `the event is not in the log signed in checkpoint ${treeSize}: it was inserted`);
    }
  }

  /** Events after the checkpoint: no signature yet, but the notary's record must still agree. */
  private compareUnsignedLeaves(
    leaves: Leaf[],
    byPosition: Map<number, RehashedEvent>,
    treeSize: number,
    failures: Failures,
  ): void {
    for (const leaf of leaves.slice(treeSize)) {
      const event = byPosition.get(leaf.position);
      if (event !== undefined && event.hash !== leaf.hash)
        failures.add(
          event,
          'the event differs from the hash the notary recorded (not yet in a signed checkpoint)',
        );
    }
  }

  private async leaves(): Promise<Leaf[]> {
    const rows: Array<{ position: string; event_hash: string }> = await this.db.query(
      'SELECT position, event_hash FROM notary_leaves ORDER BY leaf_index',
    );
    return rows.map((row) => ({ position: Number(row.position), hash: row.event_hash }));
  }
}

function rootOf(hashes: string[], treeSize: number): string {
  return MerkleLog.fromEventHashes(hashes.slice(0, treeSize)).root(treeSize).toString('base64');
}

/** At most one failure per event, with every reason found. */
class Failures {
  private readonly byEvent = new Map<string, VerificationFailure>();

  add(event: { position: number; streamId: string | null; version: number | null }, reason: string): void {
    const key = `event:${event.position}`;
    const known = this.byEvent.get(key);
    if (known) known.reason = `${known.reason}; ${reason}`;
    else
      this.byEvent.set(key, {
        position: event.position,
        streamId: event.streamId,
        version: event.version,
        reason,
      });
  }

  addLog(reason: string): void {
    this.byEvent.set(`log:${this.byEvent.size}`, { position: null, streamId: null, version: null, reason });
  }

  list(): VerificationFailure[] {
    return [...this.byEvent.values()].sort((a, b) => (a.position ?? -1) - (b.position ?? -1));
  }
}
