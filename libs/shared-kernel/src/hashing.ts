import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export function sha256Hex(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}

/** Lowercase hex SHA-256 of the JCS form of a value. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
