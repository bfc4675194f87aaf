import { asHash, asHashes, isCount, type HashInput } from './hash-encoding';
import { emptyTreeHash, isPowerOfTwo, nodeHash } from './merkle-tree-hash';
import type { ConsistencyProof } from './proof-types';

/**
 * RFC 9162 §2.1.4.2: does path prove that the tree of fromSize with root
 * fromRoot is a prefix of the tree of toSize with root toRoot, i.e. that the
 * log only appended in between? False for every malformed input.
 */
export function verifyConsistency(
  fromSize: number,
  toSize: number,
  path: readonly HashInput[],
  fromRoot: HashInput,
  toRoot: HashInput,
): boolean {
  const first = asHash(fromRoot);
  const second = asHash(toRoot);
  const proof = asHashes(path);
  if (first === null || second === null || proof === null) return false;
  if (!isCount(fromSize) || !isCount(toSize) || fromSize > toSize) return false;

  // Outside the RFC's 0 < first < second: the proof is empty and the roots say it all.
  if (fromSize === 0) return proof.length === 0 && first.equals(emptyTreeHash());
  if (fromSize === toSize) return proof.length === 0 && first.equals(second);
  if (proof.length === 0) return false;

  // A power-of-two old tree is itself a node of the new one, so the proof omits it.
  const nodes = isPowerOfTwo(fromSize) ? [first, ...proof] : proof;
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = nodes[0];
  let sr = fr;
  for (const c of nodes.slice(1)) {
    if (sn === 0) return false; // more hashes than the new tree is high
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(first) && sr.equals(second);
}

/** The same check over the proof JSON an auditor receives. */
export function verifyConsistencyProof(
  proof: ConsistencyProof,
  fromRoot: HashInput,
  toRoot: HashInput,
): boolean {
  if (typeof proof !== 'object' || proof === null) return false;
  return verifyConsistency(proof.fromSize, proof.toSize, proof.path, fromRoot, toRoot);
}
