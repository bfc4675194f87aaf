import { HashLevel } from './hash-level';
import { eventHashBytes, isCount, toBase64 } from './hash-encoding';
import { emptyTreeHash, isPowerOfTwo, leafHash, nodeHash, splitPoint } from './merkle-tree-hash';
import type { ConsistencyProof, InclusionProof } from './proof-types';

/**
 * The notary's append-only Merkle tree (RFC 9162 §2.1), in memory.
 *
 * levels[h][i] is the hash of the perfect subtree over leaves [i·2^h, (i+1)·2^h),
 * stored once it is complete. Every subtree the RFC recursion visits is either
 * such a perfect, aligned subtree (one lookup) or lies on the ragged right edge
 * (at most log n of them), so a root or proof for any size costs O(log n)
 * hashes, and appending costs O(1) amortised. Memory is about 64 bytes a leaf.
 */
export class MerkleLog {
  private readonly levels: HashLevel[] = [new HashLevel()];

  /** Rebuilds a log from stored event hashes, in global order. */
  static fromEventHashes(eventHashesHex: Iterable<string>): MerkleLog {
    const log = new MerkleLog();
    for (const hash of eventHashesHex) log.append(hash);
    return log;
  }

  get size(): number {
    return this.level(0).length;
  }

  /** Appends an event by its lowercase-hex SHA-256; returns its 0-based leafIndex. */
  append(eventHashHex: string): number {
    return this.appendLeafInput(eventHashBytes(eventHashHex));
  }

  /** Appends raw leaf input bytes (the RFC's d(m)); returns the leafIndex. */
  appendLeafInput(input: Uint8Array): number {
    const leafIndex = this.size;
    let hash = leafHash(input);
    this.level(0).push(hash);
    // A right child completes its parent; the parent may in turn be a right child.
    for (let h = 0, i = leafIndex; i % 2 === 1; h += 1, i = (i - 1) / 2) {
      hash = nodeHash(this.level(h).at(i - 1), hash);
      if (this.levels.length === h + 1) this.levels.push(new HashLevel());
      this.level(h + 1).push(hash);
    }
    return leafIndex;
  }

  leafHash(leafIndex: number): Buffer {
    this.check(isCount(leafIndex) && leafIndex < this.size, `leafIndex must be in 0..${this.size - 1}`);
    return Buffer.from(this.level(0).at(leafIndex));
  }

  /** MTH of the first treeSize leaves: the root any earlier checkpoint signed. */
  root(treeSize: number = this.size): Buffer {
    this.check(isCount(treeSize) && treeSize <= this.size, `treeSize must be in 0..${this.size}`);
    return treeSize === 0 ? emptyTreeHash() : Buffer.from(this.subtree(0, treeSize));
  }

  /** RFC 9162 §2.1.3.1 PATH(leafIndex, D[treeSize]), leaf-side sibling first. */
  inclusionProof(leafIndex: number, treeSize: number = this.size): InclusionProof {
    this.check(
      isCount(treeSize) && treeSize >= 1 && treeSize <= this.size,
      `treeSize must be in 1..${this.size}`,
    );
    this.check(isCount(leafIndex) && leafIndex < treeSize, `leafIndex must be in 0..${treeSize - 1}`);
    const path: Uint8Array[] = [];
    this.path(leafIndex, 0, treeSize, path);
    return { leafIndex, treeSize, auditPath: path.map(toBase64) };
  }

  /** RFC 9162 §2.1.4.1 PROOF(fromSize, D[toSize]); empty when there is nothing to prove. */
  consistencyProof(fromSize: number, toSize: number = this.size): ConsistencyProof {
    this.check(isCount(toSize) && toSize <= this.size, `toSize must be in 0..${this.size}`);
    this.check(isCount(fromSize) && fromSize <= toSize, `fromSize must be in 0..${toSize}`);
    const path: Uint8Array[] = [];
    // An empty tree is a prefix of every tree, and a tree of itself: no hashes needed.
    if (fromSize > 0 && fromSize < toSize) this.subproof(fromSize, 0, toSize, true, path);
    return { fromSize, toSize, path: path.map(toBase64) };
  }

  private path(m: number, start: number, size: number, out: Uint8Array[]): void {
    if (size === 1) return;
    const k = splitPoint(size);
    if (m < k) {
      this.path(m, start, k, out);
      out.push(this.subtree(start + k, size - k));
    } else {
      this.path(m - k, start + k, size - k, out);
      out.push(this.subtree(start, k));
    }
  }

  /** SUBPROOF(m, D[start:start+size], complete); `complete` is the RFC's b. */
  private subproof(m: number, start: number, size: number, complete: boolean, out: Uint8Array[]): void {
    if (m === size) {
      // The old root itself is only sent when the verifier cannot already know it.
      if (!complete) out.push(this.subtree(start, size));
      return;
    }
    const k = splitPoint(size);
    if (m <= k) {
      this.subproof(m, start, k, complete, out);
      out.push(this.subtree(start + k, size - k));
    } else {
      this.subproof(m - k, start + k, size - k, false, out);
      out.push(this.subtree(start, k));
    }
  }

  /** MTH(D[start:start+size]) for a subtree the RFC recursion can reach. */
  private subtree(start: number, size: number): Uint8Array {
    if (isPowerOfTwo(size)) {
      // The RFC split keeps every power-of-two subtree aligned; anything else is a bug here.
      if (start % size !== 0) throw new Error(`unaligned subtree ${start}+${size}`);
      return this.level(Math.log2(size)).at(start / size);
    }
    const k = splitPoint(size);
    return nodeHash(this.subtree(start, k), this.subtree(start + k, size - k));
  }

  private level(height: number): HashLevel {
    const level = this.levels[height];
    if (level === undefined) throw new RangeError(`no complete subtree of height ${height} yet`);
    return level;
  }

  private check(ok: boolean, message: string): void {
    if (!ok) throw new RangeError(message);
  }
}
