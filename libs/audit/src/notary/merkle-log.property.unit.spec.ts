import fc from 'fast-check';
import { MerkleLog } from './merkle-log';
import { leafHash, merkleTreeHash } from './merkle-tree-hash';
import { sampleInputs } from './testing/rfc9162-reference';
import { verifyConsistency } from './verify-consistency';
import { verifyInclusion } from './verify-inclusion';

const MAX = 5_000;
const inputs = sampleInputs(MAX);
const log = new MerkleLog();
inputs.forEach((input) => log.appendLeafInput(input));

/** A tree size n in 1..MAX with a leaf index and an earlier size inside it. */
const sized = fc
  .integer({ min: 1, max: MAX })
  .chain((n) => fc.record({ n: fc.constant(n), leaf: fc.nat(n - 1), from: fc.integer({ min: 1, max: n }) }));

describe('MerkleLog properties (random sizes up to 5 000)', () => {
  it('every root equals the plain RFC 9162 Merkle Tree Hash of the prefix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), (n) =>
        log.root(n).equals(merkleTreeHash(inputs.slice(0, n))),
      ),
      { numRuns: 60 },
    );
  });

  it('inclusion and consistency proofs verify against the roots alone, and not for another index', () => {
    fc.assert(
      fc.property(sized, fc.nat(), ({ n, leaf, from }, seed) => {
        const other = seed % n;
        const leafH = leafHash(inputs[leaf]);
        const { auditPath } = log.inclusionProof(leaf, n);
        const consistency = log.consistencyProof(from, n);
        return (
          verifyInclusion(leafH, leaf, n, auditPath, log.root(n)) &&
          (other === leaf || !verifyInclusion(leafH, other, n, auditPath, log.root(n))) &&
          verifyConsistency(from, n, consistency.path, log.root(from), log.root(n))
        );
      }),
      { numRuns: 300 },
    );
  });

  it('any single flipped bit in a proof or root makes it fail', () => {
    fc.assert(
      fc.property(sized, fc.nat(), fc.integer({ min: 0, max: 255 }), ({ n, leaf, from }, pick, bit) => {
        const path = log.inclusionProof(leaf, n).auditPath.map((h) => Buffer.from(h, 'base64'));
        const cons = log.consistencyProof(from, n).path.map((h) => Buffer.from(h, 'base64'));
        const leafH = leafHash(inputs[leaf]);
        const root = log.root(n);
        // bit 0..255 picks one of the 256 bits of a hash
        const flip = (b: Buffer) => {
          const copy = Buffer.from(b);
          copy[bit >> 3] = copy[bit >> 3] ^ (1 << (bit & 7));
          return copy;
        };
        const badPath = path.map((h, i) => (i === pick % Math.max(path.length, 1) ? flip(h) : h));
        const badCons = cons.map((h, i) => (i === pick % Math.max(cons.length, 1) ? flip(h) : h));
        return (
          !verifyInclusion(leafH, leaf, n, path, flip(root)) &&
          (path.length === 0 || !verifyInclusion(leafH, leaf, n, badPath, root)) &&
          !verifyConsistency(from, n, cons, flip(log.root(from)), root) &&
          (cons.length === 0 || !verifyConsistency(from, n, badCons, log.root(from), root))
        );
      }),
      { numRuns: 300 },
    );
  });

  it('appending never changes an earlier root (a growing log stays consistent)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (batches) => {
        const growing = new MerkleLog();
        const seen: Buffer[] = [];
        let next = 0;
        for (const batch of batches) {
          for (let i = 0; i < batch; i++) growing.appendLeafInput(inputs[next++]);
          seen.push(growing.root());
        }
        return seen.every((root, i) =>
          root.equals(log.root(batches.slice(0, i + 1).reduce((a, b) => a + b, 0))),
        );
      }),
    );
  });
});
