import { asHash, asHashes, isCount, isEventHashHex, type HashInput } from './hash-encoding';
import { leafHash, nodeHash } from './merkle-tree-hash';
import type { InclusionProof } from './proof-types';

/**
 * The leaf being proved: an event's lowercase-hex SHA-256 (hashed here as the
 * leaf input), or an already computed 32-byte leaf hash.
 */
export type LeafRef = string | Uint8Array;

/**
 * RFC 9162 §2.1.3.2: does auditPath prove the leaf sits at leafIndex in the
 * tree of treeSize whose root is rootHash? Needs nothing from the log. Every
 * malformed input is simply "not proved" (false), never an exception, since
 * the inputs come from outside.
 */
export function verifyInclusion(
  leaf: LeafRef,
  leafIndex: number,
  treeSize: number,
  auditPath: readonly HashInput[],
  rootHash: HashInput,
): boolean {
  const start = leafHashOf(leaf);
  const root = asHash(rootHash);
  const path = asHashes(auditPath);
  if (start === null || root === null || path === null) return false;
  if (!isCount(leafIndex) || !isCount(treeSize) || leafIndex >= treeSize) return false;

  // Arithmetic, not bit operators: those truncate to 32 bits.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = start;
  for (const p of path) {
    if (sn === 0) return false; // more hashes than the tree is high
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      // A last node without a right sibling moves up without hashing.
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** The same check over the proof JSON an auditor receives. */
export function verifyInclusionProof(leaf: LeafRef, proof: InclusionProof, rootHash: HashInput): boolean {
  if (typeof proof !== 'object' || proof === null) return false;
  return verifyInclusion(leaf, proof.leafIndex, proof.treeSize, proof.auditPath, rootHash);
}

function leafHashOf(leaf: LeafRef): Buffer | null {
  if (isEventHashHex(leaf)) return leafHash(Buffer.from(leaf, 'hex'));
  return leaf instanceof Uint8Array ? asHash(leaf) : null;
}
