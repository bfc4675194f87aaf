import { CT_INCLUSION, CT_INPUTS, CT_ROOTS } from './testing/ct-vectors';
import { MerkleLog } from './merkle-log';
import { emptyTreeHash, leafHash } from './merkle-tree-hash';
import { b64, flipped, sampleInputs } from './testing/rfc9162-reference';
import { verifyInclusion, verifyInclusionProof } from './verify-inclusion';

const MAX = 70;
const inputs = sampleInputs(MAX);
const log = new MerkleLog();
inputs.forEach((input) => log.appendLeafInput(input));
const leaves = inputs.map((input) => leafHash(input));
const leaf = (i: number) => leaves[i];

describe('verifyInclusion (RFC 9162 §2.1.3.2)', () => {
  it.each(CT_INCLUSION)('accepts the reference proof of leaf $leafIndex in $treeSize', (v) => {
    const path = v.path.map((hex) => Buffer.from(hex, 'hex'));
    const root = Buffer.from(CT_ROOTS[v.treeSize], 'hex');
    const ctLeaf = leafHash(CT_INPUTS[v.leafIndex]);
    expect(verifyInclusion(ctLeaf, v.leafIndex, v.treeSize, path, root)).toBe(true);
    expect(verifyInclusion(ctLeaf, v.leafIndex, v.treeSize, path.map(b64), b64(root))).toBe(true);
  });

  // One expect per case would dominate the run time; collect what went wrong instead.
  function wrongly(check: (n: number, m: number, path: Buffer[], root: Buffer) => string[]): string[] {
    const found: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      const root = log.root(n);
      for (let m = 0; m < n; m++) {
        const path = log.inclusionProof(m, n).auditPath.map((h) => Buffer.from(h, 'base64'));
        found.push(...check(n, m, path, root).map((what) => `leaf ${m} of ${n}: ${what}`));
      }
    }
    return found;
  }

  it('proves every leaf of every tree size 1..70, and nothing else', () => {
    const found = wrongly((n, m, path, root) => {
      const bad: string[] = [];
      if (!verifyInclusion(leaves[m], m, n, path, root)) bad.push('rejected');
      if (verifyInclusion(leaves[(m + 1) % MAX], m, n, path, root)) bad.push('other leaf');
      if (verifyInclusion(flipped(leaves[m], 31), m, n, path, root)) bad.push('tampered leaf');
      // Neighbours, mirrored subtrees, both ends and one past the end (the property
      // spec tries random other indexes in larger trees too).
      for (const other of new Set([m - 1, m + 1, m ^ 1, m ^ 2, m ^ 4, 0, n - 1, n, 2 * m])) {
        if (other !== m && other >= 0 && verifyInclusion(leaves[m], other, n, path, root)) {
          bad.push(`index ${other}`);
        }
      }
      return bad;
    });
    expect(found).toEqual([]);
  });

  it('fails for a wrong size, root or path (sizes 1..70)', () => {
    const found = wrongly((n, m, path, root) => {
      const leaf = leaves[m];
      const attempts: [string, number, Buffer[], Buffer][] = [
        ['size * 2', n * 2, path, root],
        ['size / 2', Math.floor(n / 2), path, root],
        ['altered root', n, path, flipped(root, m % 32)],
        ['extra hash at the end', n, [...path, root], root],
        ['extra hash in front', n, [leaf, ...path], root],
      ];
      // A wrong size with the root that size really has (see the verify-consistency spec).
      if (n < MAX) attempts.push(['size + 1', n + 1, path, log.root(n + 1)]);
      if (n > 1) attempts.push(['size - 1', n - 1, path, log.root(n - 1)]);
      path.forEach((_, i) => {
        attempts.push([`altered hash ${i}`, n, path.map((h, j) => (j === i ? flipped(h, 7) : h)), root]);
        attempts.push([`cut at ${i}`, n, path.slice(0, i), root]);
      });
      return attempts.filter(([, size, p, r]) => verifyInclusion(leaf, m, size, p, r)).map(([what]) => what);
    });
    expect(found).toEqual([]);
  });

  it('takes the event hash in hex, as an outside party has it', () => {
    const eventHash = 'c0ffee'.padEnd(64, '0');
    const other = MerkleLog.fromEventHashes(['aa'.repeat(32), eventHash, 'bb'.repeat(32)]);
    const proof = other.inclusionProof(1);
    expect(verifyInclusionProof(eventHash, proof, b64(other.root()))).toBe(true);
    expect(verifyInclusionProof('aa'.repeat(32), proof, b64(other.root()))).toBe(false);
  });

  it('answers false, never throws, on malformed input', () => {
    const proof = log.inclusionProof(3, 10);
    const root = b64(log.root(10));
    const bad: unknown[][] = [
      ['not hex', 3, 10, proof.auditPath, root],
      [leaf(3).subarray(0, 31), 3, 10, proof.auditPath, root],
      [leaf(3), -1, 10, proof.auditPath, root],
      [leaf(3), 3.5, 10, proof.auditPath, root],
      [leaf(3), 3, Number.NaN, proof.auditPath, root],
      [leaf(3), 3, 10, [...proof.auditPath.slice(1), `${proof.auditPath[0]}!`], root],
      [leaf(3), 3, 10, proof.auditPath.map((h) => h.replace(/=$/, '')), root],
      [leaf(3), 3, 10, 'not an array', root],
      [leaf(3), 3, 10, proof.auditPath, null],
      [emptyTreeHash(), 0, 0, [], emptyTreeHash()],
    ];
    for (const args of bad) {
      expect((verifyInclusion as (...a: unknown[]) => boolean)(...args)).toBe(false);
    }
    expect(verifyInclusionProof(leaf(3), null as never, root)).toBe(false);
  });
});
