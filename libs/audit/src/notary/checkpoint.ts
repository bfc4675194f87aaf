import { sign, verify, type KeyObject } from 'node:crypto';
import { asHash, fromBase64, isCount, toBase64, type HashInput } from './hash-encoding';
import { publicKeyFromRaw, publicKeyRaw } from './signing-key';

/** A signed tree head as served to auditors; binary fields are standard base64. */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: string;
  /** When the notary signed; informational: the signature covers only the body. */
  signedAt: string;
  /** Ed25519 signature (64 bytes) over checkpointBody(origin, treeSize, rootHash). */
  signature: string;
  /** The raw 32-byte Ed25519 public key. */
  publicKey: string;
}

export interface CheckpointToSign {
  origin: string;
  treeSize: number;
  rootHash: HashInput;
  signedAt: string | Date;
}

const SIGNATURE_BYTES = 64;

/**
 * The origin is also the signed-note key name (C2SP tlog-checkpoint says they
 * SHOULD match), so it takes that stricter rule: non-empty, no whitespace, no
 * '+', no control characters. A newline in it would forge extra body lines.
 */
export function isValidOrigin(origin: unknown): origin is string {
  return typeof origin === 'string' && /^[^\s+\p{Cc}]+$/u.test(origin);
}

/** The C2SP tlog-checkpoint note text: exactly the bytes that are signed. */
export function checkpointBody(origin: string, treeSize: number, rootHash: HashInput): string {
  if (!isValidOrigin(origin)) {
    throw new TypeError('origin must be non-empty, without spaces, "+" or control characters');
  }
  if (!isCount(treeSize)) throw new TypeError('treeSize must be a non-negative safe integer');
  return `${origin}\n${treeSize}\n${rootHashBase64(rootHash)}\n`;
}

function rootHashBase64(rootHash: HashInput): string {
  const root = asHash(rootHash);
  if (root === null) throw new TypeError('rootHash must be 32 bytes (raw or base64)');
  return toBase64(root);
}

export function signCheckpoint(checkpoint: CheckpointToSign, key: KeyObject): Checkpoint {
  const body = checkpointBody(checkpoint.origin, checkpoint.treeSize, checkpoint.rootHash);
  const rootHash = rootHashBase64(checkpoint.rootHash);
  const signedAt =
    checkpoint.signedAt instanceof Date ? checkpoint.signedAt.toISOString() : checkpoint.signedAt;
  return {
    origin: checkpoint.origin,
    treeSize: checkpoint.treeSize,
    rootHash,
    signedAt,
    signature: toBase64(sign(null, Buffer.from(body, 'utf8'), key)),
    publicKey: toBase64(publicKeyRaw(key)),
  };
}

/**
 * True when the signature over the body verifies with the checkpoint's own
 * public key. That only proves integrity; to prove it came from this notary,
 * pass the key you trust (published out of band) as trustedPublicKey.
 * Malformed input is false, never an exception.
 */
export function verifyCheckpoint(checkpoint: Checkpoint, trustedPublicKey?: string): boolean {
  if (typeof checkpoint !== 'object' || checkpoint === null) return false;
  const { origin, treeSize, rootHash, signature, publicKey } = checkpoint;
  if (trustedPublicKey !== undefined && publicKey !== trustedPublicKey) return false;
  if (
    !isValidOrigin(origin) ||
    !isCount(treeSize) ||
    typeof rootHash !== 'string' ||
    asHash(rootHash) === null
  ) {
    return false;
  }
  const rawKey = fromBase64(publicKey);
  const rawSignature = fromBase64(signature);
  if (rawKey?.length !== 32 || rawSignature?.length !== SIGNATURE_BYTES) return false;
  try {
    const body = Buffer.from(checkpointBody(origin, treeSize, rootHash), 'utf8');
    return verify(null, body, publicKeyFromRaw(rawKey), rawSignature);
  } catch {
    return false; // e.g. 32 bytes that are not a point on the curve
  }
}
