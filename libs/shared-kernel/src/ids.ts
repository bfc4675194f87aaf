import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Product namespace for name-based ids (a fixed random UUID). */
export const ID_NAMESPACE = '6f1d7c2e-8a43-4b0e-9c55-2f7f3b1d9a10';

/**
 * RFC 9562 version-5 UUID: the same name always gives the same id. Used to turn
 * an Idempotency-Key (or another natural key) into a deterministic event id, so
 * a retried command appends nothing new.
 */
export function nameBasedUuid(name: string, namespace: string = ID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
