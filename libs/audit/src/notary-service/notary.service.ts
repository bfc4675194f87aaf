import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, NotFound, ValidationFailed, type Clock } from '@app/shared-kernel';
import { MerkleLog, publicKeyRaw, signCheckpoint, toBase64, type Checkpoint } from '../notary';
import type { ConsistencyProof, InclusionProof } from '../notary';
import { NotYetNotarised } from './notary-errors';
import { NOTARY_SETTINGS, type NotarySettings } from './notary-settings';

export type EventInclusionProof = InclusionProof & { position: number; hash: string };

interface CheckpointRow {
  tree_size: string;
  origin: string;
  root_hash: string;
  signed_at: string;
  signature: string;
  public_key: string;
}

const SYNC_BATCH = 50_000;

/**
 * The notary over the global log. Leaves come from the notary-leaves
 * projection's table; this keeps them in an in-memory MerkleLog (rebuilt
 * lazily, ~6 s per million) so roots and proofs for any size cost O(log n).
 * It signs a checkpoint at every multiple of eventsPerCheckpoint and whenever
 * a leaf has waited maxPendingMs without one.
 */
@Injectable()
export class Notary {
  private readonly log = new MerkleLog();
  private queue: Promise<unknown> = Promise.resolve();
  readonly publicKey: string;

  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTARY_SETTINGS) private readonly settings: NotarySettings,
  ) {
    this.publicKey = toBase64(publicKeyRaw(settings.signingKey));
  }

  /** Signs every checkpoint that is due; returns the new ones (oldest first). */
  checkpointIfDue(): Promise<Checkpoint[]> {
    return this.exclusive(async () => {
      await this.syncLeaves();
      const made: Checkpoint[] = [];
      let signed = (await this.latestCheckpoint())?.treeSize ?? 0;
      const every = this.settings.eventsPerCheckpoint;
      for (let size = (Math.floor(signed / every) + 1) * every; size <= this.log.size; size += every) {
        made.push(await this.sign(size));
        signed = size;
      }
      if (this.log.size > signed && (await this.oldestPendingAgeMs(signed)) >= this.settings.maxPendingMs) {
        made.push(await this.sign(this.log.size));
      }
      return made;
    });
  }

  async latestCheckpoint(): Promise<Checkpoint | null> {
    const rows: CheckpointRow[] = await this.db.query(
      'SELECT * FROM notary_checkpoints ORDER BY tree_size DESC LIMIT 1',
    );
    return rows.length > 0 ? checkpointOf(rows[0]) : null;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    const rows: CheckpointRow[] = await this.db.query('SELECT * FROM notary_checkpoints ORDER BY tree_size');
    return rows.map(checkpointOf);
  }

  async requireLatestCheckpoint(): Promise<Checkpoint> {
    const latest = await this.latestCheckpoint();
    if (!latest)
      throw new NotYetNotarised(
        'no checkpoint has been signed yet: one follows within 60 seconds of the first event',
      );
    return latest;
  }

  /** Inclusion proof of the event at `position` in the tree of treeSize (default: the latest checkpoint). */
  async inclusionProof(position: number, treeSize?: number): Promise<EventInclusionProof> {
    const rows: Array<{ leaf_index: string; event_hash: string }> = await this.db.query(
      'SELECT leaf_index, event_hash FROM notary_leaves WHERE position = $1',
      [position],
    );
    if (rows.length === 0) throw new NotFound('event at position', String(position));
    const leafIndex = Number(rows[0].leaf_index);
    const latest = await this.requireLatestCheckpoint();
    const size = treeSize ?? latest.treeSize;
    this.checkSize('treeSize', size, latest);
    if (leafIndex >= size) {
      if (treeSize === undefined)
        throw new NotYetNotarised(
          `the event at position ${position} (leafIndex ${leafIndex}) is not yet covered by a checkpoint; the latest covers ${latest.treeSize} events`,
        );
      throw new ValidationFailed([
        {
          field: 'treeSize',
          message: `must be greater than ${leafIndex}, the leafIndex of the event at position ${position}`,
        },
      ]);
    }
    await this.sync();
    return { ...this.log.inclusionProof(leafIndex, size), position, hash: rows[0].event_hash };
  }

  async consistencyProof(fromSize: number, toSize: number): Promise<ConsistencyProof> {
    const latest = await this.requireLatestCheckpoint();
    this.checkSize('to', toSize, latest);
    if (fromSize > toSize)
      throw new ValidationFailed([{ field: 'from', message: `must not exceed to (${toSize})` }]);
    await this.sync();
    return this.log.consistencyProof(fromSize, toSize);
  }

  /** Brings the in-memory tree up to the stored leaves. */
  sync(): Promise<void> {
    return this.exclusive(() => this.syncLeaves());
  }

  private checkSize(field: string, size: number, latest: Checkpoint): void {
    if (size > latest.treeSize)
      throw new ValidationFailed([
        {
          field,
          message: `${size} is beyond the latest signed checkpoint, whose treeSize is ${latest.treeSize}`,
        },
      ]);
  }

  private async syncLeaves(): Promise<void> {
    for (;;) {
      const rows: Array<{ leaf_index: string; event_hash: string }> = await this.db.query(
        'SELECT leaf_index, event_hash FROM notary_leaves WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2',
        [this.log.size, SYNC_BATCH],
      );
      for (const row of rows) {
        if (Number(row.leaf_index) !== this.log.size)
          throw new Error(
            `notary leaves are not dense: expected leafIndex ${this.log.size}, found ${row.leaf_index}`,
          );
        this.log.append(row.event_hash);
      }
      if (rows.length < SYNC_BATCH) return;
    }
  }

  private async oldestPendingAgeMs(firstPendingLeaf: number): Promise<number> {
    const rows: Array<{ recorded_at: Date }> = await this.db.query(
      'SELECT recorded_at FROM notary_leaves WHERE leaf_index = $1',
      [firstPendingLeaf],
    );
    return rows.length === 0 ? 0 : this.clock.now().getTime() - rows[0].recorded_at.getTime();
  }

  private async sign(treeSize: number): Promise<Checkpoint> {
    const checkpoint = signCheckpoint(
      {
        origin: this.settings.origin,
        treeSize,
        rootHash: this.log.root(treeSize),
        signedAt: this.clock.now(),
      },
      this.settings.signingKey,
    );
    // Another process may have signed this size first: theirs stands.
    await this.db.query(
      `INSERT INTO notary_checkpoints (tree_size, origin, root_hash, signed_at, signature, public_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tree_size) DO NOTHING`,
      [
        checkpoint.treeSize,
        checkpoint.origin,
        checkpoint.rootHash,
        checkpoint.signedAt,
        checkpoint.signature,
        checkpoint.publicKey,
      ],
    );
    return checkpoint;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function checkpointOf(row: CheckpointRow): Checkpoint {
  return {
    origin: row.origin,
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash,
    signedAt: row.signed_at,
    signature: row.signature,
    publicKey: row.public_key,
  };
}
