import { hash } from 'node:crypto';

// RFC 9162 §2.1.1 domain separation: a leaf can never be mistaken for an
// interior node (second-preimage attack on the tree shape).
const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);

const EMPTY = hash('sha256', Buffer.alloc(0), 'buffer');

/** MTH({}) = SHA-256 of the empty string; a fresh copy, as Buffers are mutable. */
export function emptyTreeHash(): Buffer {
  return Buffer.from(EMPTY);
}

// One-shot crypto.hash over a reused buffer is about twice as fast as
// createHash().update()×3, and hashing dominates building the tree.
const leafInput = Buffer.alloc(33);
const nodeInput = Buffer.alloc(65);

export function leafHash(input: Uint8Array): Buffer {
  if (input.byteLength !== 32) return hash('sha256', Buffer.concat([LEAF_PREFIX, input]), 'buffer');
  leafInput[0] = LEAF_PREFIX[0];
  leafInput.set(input, 1);
  return hash('sha256', leafInput, 'buffer');
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.byteLength !== 32 || right.byteLength !== 32) {
    return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
  }
  nodeInput[0] = NODE_PREFIX[0];
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return hash('sha256', nodeInput, 'buffer');
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
  if (leafInputs.length === 0) return emptyTreeHash();
  return hashRange(leafInputs, 0, leafInputs.length);
}

function hashRange(inputs: readonly Uint8Array[], start: number, size: number): Buffer {
  if (size === 1) return leafHash(inputs[start]);
  const k = splitPoint(size);
  return nodeHash(hashRange(inputs, start, k), hashRange(inputs, start + k, size - k));
}
