import { createHash } from 'node:crypto';
import { fromBase64, toBase64 } from './hash-encoding';
import { checkpointBody, type Checkpoint } from './checkpoint';

// C2SP signed-note signature type for Ed25519.
const ED25519_TYPE = 0x01;

/**
 * The C2SP signed-note key ID: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4].
 * It lets a verifier pick its key among several signatures on one note.
 */
export function noteKeyId(keyName: string, publicKey: Uint8Array): Buffer {
  const digest = createHash('sha256')
    .update(keyName, 'utf8')
    .update(Buffer.of(0x0a, ED25519_TYPE))
    .update(publicKey)
    .digest();
  return digest.subarray(0, 4);
}

/** The verifier key string Go's golang.org/x/mod/sumdb/note and its kin accept. */
export function noteVerifierKey(keyName: string, publicKey: Uint8Array): string {
  const keyData = toBase64(Buffer.concat([Buffer.of(ED25519_TYPE), publicKey]));
  return `${keyName}+${noteKeyId(keyName, publicKey).toString('hex')}+${keyData}`;
}

/** text (ending in a newline), a blank line, then one "— name base64(keyID ‖ signature)" line. */
export function signedNote(
  text: string,
  keyName: string,
  publicKey: Uint8Array,
  signature: Uint8Array,
): string {
  const blob = toBase64(Buffer.concat([noteKeyId(keyName, publicKey), signature]));
  return `${text}\n\u2014 ${keyName} ${blob}\n`;
}

/**
 * A checkpoint as a standard signed note, so off-the-shelf tlog tooling can
 * check it against noteVerifierKey(origin, publicKey). The signature bytes are
 * the checkpoint's own: the note text is exactly the signed body.
 */
export function checkpointToSignedNote(checkpoint: Checkpoint): string {
  const publicKey = fromBase64(checkpoint.publicKey);
  const signature = fromBase64(checkpoint.signature);
  if (publicKey === null || signature === null) throw new TypeError('publicKey and signature must be base64');
  const body = checkpointBody(checkpoint.origin, checkpoint.treeSize, checkpoint.rootHash);
  return signedNote(body, checkpoint.origin, publicKey, signature);
}
