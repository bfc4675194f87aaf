import { createHash } from 'node:crypto';

// RFC 9162 §2.1.1 domain separation: a leaf can never be mistaken for an
// interior node (second-preimage attack on the tree shape).
const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_HASH: Buffer = createHash('sha256').digest();

export function leafHash(input: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(input).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The largest power of two strictly below n (n ≥ 2): where RFC 9162 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && n === 2 ** Math.round(Math.log2(n));
}

/**
 * MTH(D[n]) written exactly as RFC 9162 §2.1.1 defines it, over leaf inputs.
 * O(n) hashes: the reference the incremental MerkleLog is checked against,
 * and handy for small one-off trees.
 */
export function merkleTreeHash(leafInputs: readonly Uint8Array[]): Buffer {
  if (leafInputs.length === 0) return Buffer.from(EMPTY_TREE_HASH);
  return hashRange(leafInputs, 0, leafInputs.length);
}

function hashRange(inputs: readonly Uint8Array[], start: number, size: number): Buffer {
  if (size === 1) return leafHash(inputs[start] as Uint8Array);
  const k = splitPoint(size);
  return nodeHash(hashRange(inputs, start, k), hashRange(inputs, start + k, size - k));
}
