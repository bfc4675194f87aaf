/**
 * Test-only: RFC 9162 §2.1 transcribed as literally as possible (slices and
 * recursion over the leaf inputs, O(n) per call), so the fast MerkleLog can be
 * checked against an implementation too plain to share its bugs.
 */
import { hash } from 'node:crypto';

type Leaves = readonly Uint8Array[];

const sha256 = (...parts: Uint8Array[]): Buffer => hash('sha256', Buffer.concat(parts), 'buffer');

function k(n: number): number {
  let power = 1;
  while (power * 2 < n) power *= 2;
  return power;
}

export function mth(d: Leaves): Buffer {
  if (d.length === 0) return sha256();
  if (d.length === 1) return sha256(Buffer.of(0), d[0]);
  const split = k(d.length);
  return sha256(Buffer.of(1), mth(d.slice(0, split)), mth(d.slice(split)));
}

export function path(m: number, d: Leaves): Buffer[] {
  if (d.length === 1) return [];
  const split = k(d.length);
  return m < split
    ? [...path(m, d.slice(0, split)), mth(d.slice(split))]
    : [...path(m - split, d.slice(split)), mth(d.slice(0, split))];
}

export function proof(m: number, d: Leaves): Buffer[] {
  return subproof(m, d, true);
}

function subproof(m: number, d: Leaves, b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const split = k(d.length);
  return m <= split
    ? [...subproof(m, d.slice(0, split), b), mth(d.slice(split))]
    : [...subproof(m - split, d.slice(split), false), mth(d.slice(0, split))];
}

/** Distinct, deterministic 32-byte leaf inputs, like event hashes. */
export function sampleInputs(count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => sha256(Buffer.from(`event-${i}`)));
}

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** The same hash with one bit flipped in byte `at`. */
export function flipped(bytes: Uint8Array, at = 0): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at] ^ 0x01;
  return copy;
}
