import { CT_INPUTS, CT_ROOTS } from './testing/ct-vectors';
import { emptyTreeHash, leafHash, merkleTreeHash, nodeHash, splitPoint } from './merkle-tree-hash';

describe('Merkle Tree Hash (RFC 9162 §2.1.1)', () => {
  it('matches the certificate-transparency reference root for every size 0..8', () => {
    for (let n = 0; n <= 8; n++) {
      expect(merkleTreeHash(CT_INPUTS.slice(0, n)).toString('hex')).toBe(CT_ROOTS[n]);
    }
  });

  it('hashes the empty tree as SHA-256 of the empty string', () => {
    expect(emptyTreeHash().toString('hex')).toBe(CT_ROOTS[0]);
  });

  it('separates leaves (0x00) from nodes (0x01)', () => {
    const [a, b] = [leafHash(CT_INPUTS[0]), leafHash(CT_INPUTS[1])];
    expect(a.toString('hex')).toBe(CT_ROOTS[1]);
    expect(nodeHash(a, b).toString('hex')).toBe(CT_ROOTS[2]);
    expect(nodeHash(b, a)).not.toEqual(nodeHash(a, b));
  });

  it('splits at the largest power of two below n, not at the midpoint', () => {
    expect([2, 3, 4, 5, 8, 9, 70].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 64]);
  });
});
