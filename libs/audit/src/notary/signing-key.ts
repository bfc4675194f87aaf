import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { fromBase64 } from './hash-encoding';

// Fixed DER headers of RFC 8410 Ed25519 keys: the raw 32 bytes follow them.
// They let a bare key (as an outside verifier holds it) become a KeyObject.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const RAW_KEY_BYTES = 32;

/** A fresh Ed25519 signing key as PKCS#8 PEM text (what NOTARY_SIGNING_KEY holds). */
export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/**
 * Reads NOTARY_SIGNING_KEY: PKCS#8 PEM (newlines may arrive escaped as "\n"
 * from an environment file), or base64 of the PKCS#8 DER or of the 32-byte
 * RFC 8032 seed. Errors never echo the key: they end up in logs.
 */
export function loadSigningKey(pemOrBase64: string): KeyObject {
  const text = typeof pemOrBase64 === 'string' ? pemOrBase64.trim().replace(/\\n/g, '\n') : '';
  let key: KeyObject;
  try {
    key = text.startsWith('-----BEGIN')
      ? createPrivateKey(text)
      : fromDer(fromBase64(text.replace(/\s+/g, '')));
  } catch {
    throw new Error('the notary signing key is neither PKCS#8 PEM nor base64 of an Ed25519 key');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the notary signing key must be Ed25519, not ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

function fromDer(bytes: Buffer | null): KeyObject {
  if (bytes === null) throw new Error('not base64');
  const der = bytes.length === RAW_KEY_BYTES ? Buffer.concat([PKCS8_PREFIX, bytes]) : bytes;
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/** The raw 32-byte Ed25519 public key of a private or public KeyObject. */
export function publicKeyRaw(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError('not an Ed25519 key');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return der.subarray(SPKI_PREFIX.length);
}

/** A verifying KeyObject from the raw 32 bytes, e.g. a checkpoint's publicKey. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.byteLength !== RAW_KEY_BYTES) throw new TypeError('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}
