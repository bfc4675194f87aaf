import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { refuse } from '../domain/common/rules';
import { SealedPersonalData, isSealedEnvelope } from '../domain/common/sealed';
import { PersonalDataKeyStore, type StoredDataKey } from './personal-data-key-store';

/** What `open` returns once the person's key is destroyed: the data is gone for good. */
export type Forgotten = { forgotten: true };

export const isForgotten = (value: unknown): value is Forgotten =>
  typeof value === 'object' && value !== null && (value as Forgotten).forgotten === true;

/** Sealed data was tampered with, sealed for someone else, or the master key is wrong. */
export class SealedDataUnreadable extends Error {
  constructor(reason: string) {
    super(`Sealed personal data cannot be read: ${reason}`);
    this.name = 'SealedDataUnreadable';
  }
}

const DATA_PREFIX = 'pii:v1:';
const KEY_PREFIX = 'dk:v1:';
const IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends
const TAG_BYTES = 16;

/**
 * Envelope encryption of personal data (invariant 5): each person has a
 * 256-bit data key; the data is sealed with it by AES-256-GCM, and the key is
 * stored wrapped by the master key (PII_MASTER_KEY), also with AES-256-GCM.
 * The person id is additional authenticated data of both, so neither an
 * envelope nor a wrapped key opens when moved to another person.
 */
export class PersonalDataVault {
  private readonly masterKey: Buffer;

  constructor(
    private readonly keys: PersonalDataKeyStore,
    masterKey: Uint8Array,
  ) {
    if (masterKey.length !== 32)
      throw new RangeError(`The master key must be 32 bytes, got ${masterKey.length}`);
    this.masterKey = Buffer.from(masterKey);
  }

  async seal(personId: string, data: object): Promise<SealedPersonalData> {
    const dataKey = await this.dataKeyFor(personId);
    try {
      return DATA_PREFIX + encrypt(dataKey, Buffer.from(JSON.stringify(data), 'utf8'), dataAad(personId));
    } finally {
      dataKey.fill(0);
    }
  }

  async open<T extends object>(personId: string, sealed: SealedPersonalData): Promise<T | Forgotten> {
    if (!isSealedEnvelope(sealed)) throw new SealedDataUnreadable('not a pii:v1 envelope');
    return this.openWith<T>(personId, sealed, await this.keys.load(personId));
  }

  /**
   * `open` for many people, their keys loaded together (one statement on
   * PostgreSQL): each answer, or error, as `open` gives it for that person.
   */
  async openMany<T extends object>(
    sealedByPerson: ReadonlyMap<string, SealedPersonalData>,
  ): Promise<Map<string, T | Forgotten>> {
    for (const sealed of sealedByPerson.values())
      if (!isSealedEnvelope(sealed)) throw new SealedDataUnreadable('not a pii:v1 envelope');
    const keys = await this.keys.loadMany([...sealedByPerson.keys()]);
    const opened = new Map<string, T | Forgotten>();
    for (const [personId, sealed] of sealedByPerson)
      opened.set(personId, this.openWith<T>(personId, sealed, keys.get(personId)));
    return opened;
  }

  private openWith<T extends object>(
    personId: string,
    sealed: SealedPersonalData,
    stored: StoredDataKey | undefined,
  ): T | Forgotten {
    if (stored?.state === 'destroyed') return { forgotten: true };
    if (stored === undefined) throw new SealedDataUnreadable(`no data key for person ${personId}`);
    const dataKey = this.unwrap(personId, stored.wrappedKey);
    try {
      return JSON.parse(
        decrypt(dataKey, sealed.slice(DATA_PREFIX.length), dataAad(personId)).toString('utf8'),
      ) as T;
    } finally {
      dataKey.fill(0);
    }
  }

  /** Destroys the person's key: every envelope sealed for them becomes unreadable, for good. */
  async forget(personId: string): Promise<void> {
    await this.keys.destroy(personId);
  }

  /**
   * A 256-bit key for another purpose, derived from the master key by
   * HKDF-SHA256 (RFC 5869) with `purpose` as its info: never stored, and
   * independent of the data keys and of every other purpose's key.
   */
  derivedKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.masterKey, Buffer.alloc(0), purpose, 32));
  }

  private async dataKeyFor(personId: string): Promise<Buffer> {
    let stored = await this.keys.load(personId);
    if (stored === undefined) {
      const fresh = randomBytes(32);
      const wrapped = KEY_PREFIX + encrypt(this.masterKey, fresh, keyAad(personId));
      fresh.fill(0);
      // Another process may have saved a key first; the store returns the one that counts.
      stored = await this.keys.save(personId, wrapped);
    }
    if (stored.state === 'destroyed')
      throw refuse('participant-forgotten', `no personal data is sealed for person ${personId}`);
    return this.unwrap(personId, stored.wrappedKey);
  }

  private unwrap(personId: string, wrappedKey: string): Buffer {
    if (!wrappedKey.startsWith(KEY_PREFIX))
      throw new SealedDataUnreadable('the stored data key is not a dk:v1 key');
    return decrypt(this.masterKey, wrappedKey.slice(KEY_PREFIX.length), keyAad(personId));
  }
}

/**
 * Reads PII_MASTER_KEY: 32 bytes as base64 (44 characters) or hex (64). Any
 * other value stops the start with this message rather than weakening the key.
 */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const hex = /^[0-9a-fA-F]{64}$/.test(trimmed);
  const key = Buffer.from(trimmed, hex ? 'hex' : 'base64');
  // Node's base64 decoder skips bad characters silently; re-encoding catches them.
  if (key.length !== 32 || (!hex && key.toString('base64') !== trimmed)) {
    throw new RangeError(
      'PII_MASTER_KEY must be 32 bytes, written as base64 (44 characters) or hex (64 characters)',
    );
  }
  return key;
}

const dataAad = (personId: string) => Buffer.from(`pii:v1:person:${personId}`, 'utf8');
const keyAad = (personId: string) => Buffer.from(`dk:v1:person:${personId}`, 'utf8');

/** `<base64 iv>:<base64 ciphertext ‖ tag>` */
function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${iv.toString('base64')}:${body.toString('base64')}`;
}

function decrypt(key: Buffer, text: string, aad: Buffer): Buffer {
  const [ivText, bodyText, extra] = text.split(':');
  const iv = Buffer.from(ivText ?? '', 'base64');
  const body = Buffer.from(bodyText ?? '', 'base64');
  if (extra !== undefined || iv.length !== IV_BYTES || body.length < TAG_BYTES) {
    throw new SealedDataUnreadable('malformed ciphertext');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealedDataUnreadable(
      'authentication failed (tampered, sealed for another person, or another master key)',
    );
  }
}
