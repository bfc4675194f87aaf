import { CT_CONSISTENCY, CT_INCLUSION, CT_INPUTS, CT_ROOTS } from './testing/ct-vectors';
import { MerkleLog } from './merkle-log';
import { leafHash, merkleTreeHash } from './merkle-tree-hash';
import { b64, mth, path, proof, sampleInputs } from './testing/rfc9162-reference';

const hexToB64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

function logOf(inputs: readonly Uint8Array[]): MerkleLog {
  const log = new MerkleLog();
  for (const input of inputs) log.appendLeafInput(input);
  return log;
}

describe('MerkleLog against the certificate-transparency vectors', () => {
  const log = logOf(CT_INPUTS);

  it('gives the reference root for every earlier size, and while growing', () => {
    for (let n = 0; n <= 8; n++) expect(log.root(n).toString('hex')).toBe(CT_ROOTS[n]);
    const growing = new MerkleLog();
    expect(growing.root().toString('hex')).toBe(CT_ROOTS[0]);
    CT_INPUTS.forEach((input, i) => {
      expect(growing.appendLeafInput(input)).toBe(i);
      expect(growing.root().toString('hex')).toBe(CT_ROOTS[i + 1]);
    });
  });

  it.each(CT_INCLUSION)('builds the reference inclusion proof of leaf $leafIndex in $treeSize', (v) => {
    expect(log.inclusionProof(v.leafIndex, v.treeSize)).toEqual({
      leafIndex: v.leafIndex,
      treeSize: v.treeSize,
      auditPath: v.path.map(hexToB64),
    });
  });

  it.each(CT_CONSISTENCY)('builds the reference consistency proof $fromSize → $toSize', (v) => {
    expect(log.consistencyProof(v.fromSize, v.toSize)).toEqual({
      fromSize: v.fromSize,
      toSize: v.toSize,
      path: v.path.map(hexToB64),
    });
  });
});

describe('MerkleLog against a literal RFC 9162 transcription, sizes 1..70', () => {
  const inputs = sampleInputs(70);
  const log = logOf(inputs);

  it('agrees on every root', () => {
    for (let n = 0; n <= 70; n++) expect(log.root(n)).toEqual(mth(inputs.slice(0, n)));
  });

  it('agrees on every inclusion proof', () => {
    for (let n = 1; n <= 70; n++) {
      for (let m = 0; m < n; m++) {
        expect(log.inclusionProof(m, n).auditPath).toEqual(path(m, inputs.slice(0, n)).map(b64));
      }
    }
  });

  it('agrees on every consistency proof', () => {
    for (let n = 1; n <= 70; n++) {
      for (let m = 1; m <= n; m++) {
        expect(log.consistencyProof(m, n).path).toEqual(proof(m, inputs.slice(0, n)).map(b64));
      }
    }
  });
});

describe('MerkleLog', () => {
  it('takes event hashes as lowercase hex and hashes their 32 raw bytes', () => {
    const hex = 'ab'.repeat(32);
    const log = MerkleLog.fromEventHashes([hex, 'cd'.repeat(32)]);
    expect(log.size).toBe(2);
    expect(log.leafHash(0)).toEqual(leafHash(Buffer.from(hex, 'hex')));
    expect(() => log.append('AB'.repeat(32))).toThrow(TypeError);
    expect(() => log.append('ab')).toThrow(TypeError);
    expect(log.size).toBe(2);
  });

  it('refuses sizes and indexes it cannot answer for', () => {
    const log = logOf(sampleInputs(5));
    expect(() => log.root(6)).toThrow(RangeError);
    expect(() => log.root(-1)).toThrow(RangeError);
    expect(() => log.inclusionProof(5, 5)).toThrow(RangeError);
    expect(() => log.inclusionProof(0, 0)).toThrow(RangeError);
    expect(() => log.inclusionProof(0.5, 5)).toThrow(RangeError);
    expect(() => log.consistencyProof(4, 3)).toThrow(RangeError);
    expect(() => log.consistencyProof(1, 6)).toThrow(RangeError);
    expect(log.consistencyProof(0, 5).path).toEqual([]);
  });

  it('hands out copies, so callers cannot corrupt the tree', () => {
    const log = logOf(sampleInputs(4));
    const before = log.root();
    log.root().fill(0);
    log.leafHash(1).fill(0);
    expect(log.root()).toEqual(before);
  });

  it('keeps 100 000 leaves and serves any size with log-size work', () => {
    const inputs = sampleInputs(100_000);
    const log = logOf(inputs);
    for (const n of [65_537, 100_000]) {
      expect(log.root(n)).toEqual(merkleTreeHash(inputs.slice(0, n)));
    }
    expect(log.inclusionProof(77_777).auditPath).toHaveLength(17);
    expect(log.consistencyProof(65_537).path.length).toBeLessThanOrEqual(2 * 17);
  });
});
