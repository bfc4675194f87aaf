import { createHash } from 'node:crypto';

/** A stable 63-bit advisory-lock key for a projection name (namespaced so other locks never collide). */
export function advisoryKey(name: string): string {
  const digest = createHash('sha256').update(`projection:${name}`).digest();
  return (digest.readBigUInt64BE(0) & 0x7fffffffffffffffn).toString();
}
