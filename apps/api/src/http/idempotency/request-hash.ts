import { createHmac, hkdfSync } from 'node:crypto';
import { canonicalJson } from '@app/shared-kernel';

/** The HKDF purpose label: this key hashes request bodies and nothing else. */
const PURPOSE = 'brukermedvirkning:idempotency:request-hash:v1';

/**
 * The fingerprint of a request body kept beside its Idempotency-Key: an
 * HMAC-SHA256 of the body's canonical JSON (RFC 8785) under a key derived from
 * the PII master key by HKDF-SHA256. A plain hash of a body that holds a
 * national id can be reversed by trying every id; without the key it cannot.
 */
export class RequestHasher {
  private readonly key: Buffer;

  constructor(masterKey: Uint8Array) {
    if (masterKey.length !== 32)
      throw new RangeError(`The master key must be 32 bytes, got ${masterKey.length}`);
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), PURPOSE, 32));
  }

  /** 64 lowercase hex characters; the same for the same body, whatever its key order. */
  hash(body: unknown): string {
    return createHmac('sha256', this.key)
      .update(canonicalJson(body ?? null))
      .digest('hex');
  }
}
