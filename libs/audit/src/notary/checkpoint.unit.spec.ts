import { generateKeyPairSync, verify } from 'node:crypto';
import { checkpointBody, signCheckpoint, verifyCheckpoint, type Checkpoint } from './checkpoint';
import { MerkleLog } from './merkle-log';
import { b64, sampleInputs } from './testing/rfc9162-reference';
import { generateSigningKey, loadSigningKey, publicKeyFromRaw, publicKeyRaw } from './signing-key';

const log = new MerkleLog();
sampleInputs(11).forEach((input) => log.appendLeafInput(input));
const key = loadSigningKey(generateSigningKey());
const signed = signCheckpoint(
  {
    origin: 'notary.example/audit',
    treeSize: 11,
    rootHash: log.root(11),
    signedAt: new Date(Date.UTC(2025, 0, 2)),
  },
  key,
);

describe('checkpoints (C2SP tlog-checkpoint body, Ed25519)', () => {
  it('signs exactly the three-line body, with base64 fields', () => {
    expect(checkpointBody('notary.example/audit', 11, log.root(11))).toBe(
      `notary.example/audit\n11\n${b64(log.root(11))}\n`,
    );
    expect(signed).toEqual({
      origin: 'notary.example/audit',
      treeSize: 11,
      rootHash: b64(log.root(11)),
      signedAt: '2025-01-02T00:00:00.000Z',
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      publicKey: b64(publicKeyRaw(key)),
    });
  });

  it('verifies with the public key alone, after a trip through JSON', () => {
    const received = JSON.parse(JSON.stringify(signed)) as Checkpoint;
    expect(verifyCheckpoint(received)).toBe(true);
    expect(verifyCheckpoint(received, signed.publicKey)).toBe(true);
    const body = Buffer.from(checkpointBody(received.origin, received.treeSize, received.rootHash));
    const publicKey = publicKeyFromRaw(Buffer.from(received.publicKey, 'base64'));
    expect(verify(null, body, publicKey, Buffer.from(received.signature, 'base64'))).toBe(true);
  });

  it('fails after any byte of the body changes', () => {
    const body = Buffer.from(checkpointBody(signed.origin, signed.treeSize, signed.rootHash));
    const publicKey = publicKeyFromRaw(Buffer.from(signed.publicKey, 'base64'));
    const signature = Buffer.from(signed.signature, 'base64');
    const accepted = [...body.keys()].filter((i) => {
      const altered = Buffer.from(body);
      altered[i] = altered[i] ^ 0x01;
      return verify(null, altered, publicKey, signature);
    });
    expect(accepted).toEqual([]);
  });

  it('fails when any field or byte it covers changes', () => {
    const root = Buffer.from(signed.rootHash, 'base64');
    const altered: Checkpoint[] = [
      { ...signed, origin: 'notary.example/audit2' },
      { ...signed, treeSize: 10 },
      { ...signed, treeSize: 12 },
      { ...signed, rootHash: b64(log.root(10)) },
      ...[...root.keys()].map((i) => ({
        ...signed,
        rootHash: b64(root.map((x, j) => (i === j ? x ^ 0x80 : x))),
      })),
      ...[...Buffer.from(signed.signature, 'base64').keys()].map((i) => ({
        ...signed,
        signature: b64(Buffer.from(signed.signature, 'base64').map((x, j) => (i === j ? x ^ 0x01 : x))),
      })),
    ];
    expect(altered.filter((c) => verifyCheckpoint(c))).toEqual([]);
  });

  it('rejects a valid signature by a key the verifier does not trust', () => {
    const other = signCheckpoint(
      { ...signed, signedAt: signed.signedAt },
      loadSigningKey(generateSigningKey()),
    );
    expect(verifyCheckpoint(other)).toBe(true);
    expect(verifyCheckpoint(other, signed.publicKey)).toBe(false);
    expect(verifyCheckpoint({ ...signed, publicKey: other.publicKey })).toBe(false);
  });

  it('answers false, never throws, on malformed checkpoints', () => {
    const bad: unknown[] = [
      null,
      'checkpoint',
      { ...signed, treeSize: '11' },
      { ...signed, treeSize: -1 },
      { ...signed, origin: 'notary.example/audit\n11' },
      { ...signed, rootHash: signed.rootHash.replace(/=$/, '') },
      { ...signed, signature: `${signed.signature}AA==` },
      { ...signed, publicKey: b64(Buffer.alloc(31)) },
      { ...signed, publicKey: b64(Buffer.alloc(32, 0xff)) },
    ];
    for (const c of bad) expect(verifyCheckpoint(c as Checkpoint)).toBe(false);
  });

  it('refuses to sign what it could not format', () => {
    const ok = { origin: 'o', treeSize: 0, rootHash: log.root(0), signedAt: 'now' };
    expect(() => signCheckpoint({ ...ok, origin: '' }, key)).toThrow(TypeError);
    expect(() => signCheckpoint({ ...ok, origin: 'a b' }, key)).toThrow(TypeError);
    expect(() => signCheckpoint({ ...ok, origin: 'a+b' }, key)).toThrow(TypeError);
    expect(() => signCheckpoint({ ...ok, treeSize: 1.5 }, key)).toThrow(TypeError);
    expect(() => signCheckpoint({ ...ok, rootHash: 'AAAA' }, key)).toThrow(TypeError);
    expect(verifyCheckpoint(signCheckpoint(ok, key))).toBe(true);
  });
});

describe('signing keys', () => {
  const pem = generateSigningKey();
  const raw = publicKeyRaw(loadSigningKey(pem));

  it('loads PEM, PEM with escaped newlines, and base64 of PKCS#8 DER or of the seed', () => {
    const der = loadSigningKey(pem).export({ format: 'der', type: 'pkcs8' });
    const seed = der.subarray(der.length - 32);
    for (const text of [pem, pem.replace(/\n/g, '\\n'), `  ${pem}  `, b64(der), b64(seed)]) {
      expect(publicKeyRaw(loadSigningKey(text))).toEqual(raw);
    }
    expect(raw).toHaveLength(32);
  });

  it('derives the RFC 8032 public key from a seed (test 1 of §7.1)', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    expect(publicKeyRaw(loadSigningKey(b64(seed))).toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
  });

  it('explains a bad key without echoing it', () => {
    const secretish = 'c2VjcmV0LWtleS1tYXRlcmlhbA==';
    expect(() => loadSigningKey(secretish)).toThrow(/neither PKCS#8 PEM nor base64/);
    expect(() => loadSigningKey(secretish)).not.toThrow(new RegExp(secretish));
    expect(() => loadSigningKey('')).toThrow(/neither/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => loadSigningKey(ec.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(/Ed25519/);
  });
});
