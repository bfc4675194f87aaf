import { CT_CONSISTENCY, CT_ROOTS } from './testing/ct-vectors';
import { MerkleLog } from './merkle-log';
import { emptyTreeHash } from './merkle-tree-hash';
import { b64, flipped, sampleInputs } from './testing/rfc9162-reference';
import { verifyConsistency, verifyConsistencyProof } from './verify-consistency';

const MAX = 70;
const log = new MerkleLog();
sampleInputs(MAX).forEach((input) => log.appendLeafInput(input));
const roots = Array.from({ length: MAX + 1 }, (_, n) => log.root(n));
const root = (n: number) => roots[n];

describe('verifyConsistency (RFC 9162 §2.1.4.2)', () => {
  it.each(CT_CONSISTENCY)('accepts the reference proof $fromSize → $toSize', (v) => {
    const path = v.path.map((hex) => Buffer.from(hex, 'hex'));
    const [first, second] = [v.fromSize, v.toSize].map((n) => Buffer.from(CT_ROOTS[n], 'hex'));
    expect(verifyConsistency(v.fromSize, v.toSize, path, first as Buffer, second as Buffer)).toBe(true);
    expect(verifyConsistency(v.fromSize, v.toSize, path, second as Buffer, first as Buffer)).toBe(false);
  });

  // One expect per case would dominate the run time; collect what went wrong instead.
  function wrongly(check: (m: number, n: number, path: Buffer[]) => [string, boolean][]): string[] {
    const found: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const path = log.consistencyProof(m, n).path.map((h) => Buffer.from(h, 'base64'));
        for (const [what, wrong] of check(m, n, path)) if (wrong) found.push(`${m} → ${n}: ${what}`);
      }
    }
    return found;
  }

  it('proves every pair 1 ≤ m ≤ n ≤ 70, and fails when either root is altered', () => {
    const found = wrongly((m, n, path) => [
      ['rejected', !verifyConsistency(m, n, path, root(m), root(n))],
      ['altered old root', verifyConsistency(m, n, path, flipped(root(m), m % 32), root(n))],
      ['altered new root', verifyConsistency(m, n, path, root(m), flipped(root(n), n % 32))],
    ]);
    expect(found).toEqual([]);
  });

  it('fails for wrong sizes or an altered, shortened or padded path (m < n ≤ 70)', () => {
    const found = wrongly((m, n, path) => {
      if (m === n) return [];
      const accepts = (from: number, to: number, p: Buffer[], r1 = root(m), r2 = root(n)) =>
        verifyConsistency(from, to, p, r1, r2);
      const checks: [string, boolean][] = [
        ['size * 2', accepts(m, n * 2, path)],
        ['size / 2', accepts(m, Math.floor(n / 2), path)],
        ['empty path', accepts(m, n, [])],
        ['extra hash at the end', accepts(m, n, [...path, root(n)])],
        ['extra hash in front', accepts(m, n, [root(m), ...path])],
      ];
      // Sizes are bound to roots by the signed checkpoints, so a wrong size is
      // checked with the roots that size really has (the same roots under
      // another size of identical shape pass, as in every RFC verifier).
      for (const [m2, n2] of [
        [m - 1, n],
        [m + 1, n],
        [m, n - 1],
        [m, n + 1],
      ] as const) {
        if (m2 >= 1 && m2 < n2 && n2 <= MAX)
          checks.push([`sizes ${m2} → ${n2}`, accepts(m2, n2, path, root(m2), root(n2))]);
      }
      path.forEach((_, i) => {
        checks.push([
          `altered hash ${i}`,
          accepts(
            m,
            n,
            path.map((h, j) => (j === i ? flipped(h, 3) : h)),
          ),
        ]);
        checks.push([`cut at ${i}`, accepts(m, n, path.slice(0, i))]);
      });
      return checks;
    });
    expect(found).toEqual([]);
  });

  it('treats the empty tree as a prefix of every tree, and nothing else as free', () => {
    expect(verifyConsistency(0, 5, [], emptyTreeHash(), root(5))).toBe(true);
    expect(verifyConsistency(0, 0, [], emptyTreeHash(), emptyTreeHash())).toBe(true);
    expect(verifyConsistency(0, 5, [], root(1), root(5))).toBe(false);
    expect(verifyConsistency(0, 5, [root(1)], emptyTreeHash(), root(5))).toBe(false);
    expect(verifyConsistency(5, 5, [root(5)], root(5), root(5))).toBe(false);
    expect(verifyConsistency(5, 4, [], root(5), root(4))).toBe(false);
  });

  it('checks the proof JSON an auditor receives, and never throws', () => {
    const proof = log.consistencyProof(13, 42);
    expect(verifyConsistencyProof(proof, b64(root(13)), b64(root(42)))).toBe(true);
    expect(verifyConsistencyProof({ ...proof, toSize: 43 }, b64(root(13)), b64(root(43)))).toBe(false);
    expect(verifyConsistencyProof({ ...proof, path: ['%%%%'] }, b64(root(13)), b64(root(42)))).toBe(false);
    expect(verifyConsistencyProof(proof, 'short', b64(root(42)))).toBe(false);
    expect(verifyConsistencyProof(null as never, b64(root(13)), b64(root(42)))).toBe(false);
    expect(verifyConsistency(-1, 42, proof.path, root(13), root(42))).toBe(false);
    expect(verifyConsistency(13, Infinity, proof.path, root(13), root(42))).toBe(false);
  });
});
