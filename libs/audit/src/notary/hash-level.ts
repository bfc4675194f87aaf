import { HASH_BYTES } from './hash-encoding';

/**
 * An append-only array of 32-byte hashes in one growing byte buffer. A million
 * separate Buffer objects would cost several times the hash bytes in object
 * overhead and GC pressure; one contiguous buffer costs 32 bytes a hash.
 */
export class HashLevel {
  private bytes = new Uint8Array(HASH_BYTES * 16);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(hash: Uint8Array): void {
    const end = (this.count + 1) * HASH_BYTES;
    if (end > this.bytes.length) {
      const grown = new Uint8Array(Math.max(end, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.count * HASH_BYTES));
      this.bytes = grown;
    }
    this.bytes.set(hash, this.count * HASH_BYTES);
    this.count += 1;
  }

  /** A read-only view (no copy); callers copy before handing it out. */
  at(index: number): Uint8Array {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`hash ${index} is outside 0..${this.count - 1}`);
    }
    return this.bytes.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES);
  }
}
