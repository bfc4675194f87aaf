import { HASH_BYTES } from '../notary/hash-encoding';

/**
 * Positions and 32-byte hashes in two growing typed arrays: 40 bytes an
 * entry, however large the events were, so verifying a long log holds its
 * tree's leaves, never its events.
 */
export class PositionedHashes {
  private positions = new Float64Array(1024);
  private hashes = new Uint8Array(1024 * HASH_BYTES);
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** `hashes` packs one hash per position, in the same order. */
  append(positions: readonly number[], hashes: Uint8Array): void {
    this.reserve(this.count + positions.length);
    this.positions.set(positions, this.count);
    this.hashes.set(hashes.subarray(0, positions.length * HASH_BYTES), this.count * HASH_BYTES);
    this.count += positions.length;
  }

  position(index: number): number {
    return this.positions[index];
  }

  /** The first `count` hashes, packed (a view, no copy). */
  packed(count = this.count): Uint8Array {
    return this.hashes.subarray(0, count * HASH_BYTES);
  }

  sameHash(index: number, other: PositionedHashes, otherIndex: number): boolean {
    const a = this.hashes.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES);
    const b = other.hashes.subarray(otherIndex * HASH_BYTES, (otherIndex + 1) * HASH_BYTES);
    return Buffer.compare(a, b) === 0;
  }

  /** Index of `position`, or -1; positions must have been appended in ascending order. */
  indexOf(position: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.positions[middle];
      if (at === position) return middle;
      if (at < position) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private reserve(size: number): void {
    if (size <= this.positions.length) return;
    const capacity = Math.max(size, this.positions.length * 2);
    const positions = new Float64Array(capacity);
    positions.set(this.positions.subarray(0, this.count));
    const hashes = new Uint8Array(capacity * HASH_BYTES);
    hashes.set(this.hashes.subarray(0, this.count * HASH_BYTES));
    this.positions = positions;
    this.hashes = hashes;
  }
}
