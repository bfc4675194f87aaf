/** Every hash in the notary is SHA-256: 32 bytes. */
export const HASH_BYTES = 32;

/** A hash as it travels: raw bytes, or standard base64 (RFC 4648 §4) as in the proof JSON. */
export type HashInput = Uint8Array | string;

const EVENT_HASH_HEX = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Strict base64: Buffer.from(s, 'base64') silently skips junk characters, so a
 * verifier that trusted it could accept two spellings of one proof. Only the
 * canonical spelling decodes; anything else is null.
 */
export function fromBase64(text: string): Buffer | null {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** A 32-byte hash from bytes or base64, or null when it is anything else. */
export function asHash(input: unknown): Buffer | null {
  if (input instanceof Uint8Array) {
    return input.byteLength === HASH_BYTES ? Buffer.from(input) : null;
  }
  if (typeof input !== 'string') return null;
  const bytes = fromBase64(input);
  return bytes !== null && bytes.length === HASH_BYTES ? bytes : null;
}

/** Every hash of a proof path decoded, or null if any one is malformed. */
export function asHashes(path: unknown): Buffer[] | null {
  if (!Array.isArray(path)) return null;
  const out: Buffer[] = [];
  for (const item of path) {
    const hash = asHash(item);
    if (hash === null) return null;
    out.push(hash);
  }
  return out;
}

export function isEventHashHex(text: unknown): text is string {
  return typeof text === 'string' && EVENT_HASH_HEX.test(text);
}

/** The leaf input of an event: the 32 raw bytes behind its lowercase-hex hash. */
export function eventHashBytes(eventHashHex: string): Buffer {
  if (!isEventHashHex(eventHashHex)) {
    throw new TypeError('an event hash is 64 lowercase hex characters (SHA-256)');
  }
  return Buffer.from(eventHashHex, 'hex');
}

/** Tree sizes and indexes are counts: non-negative safe integers. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
