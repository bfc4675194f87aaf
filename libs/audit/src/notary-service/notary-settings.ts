import type { KeyObject } from 'node:crypto';
import { generateSigningKey, loadSigningKey } from '../notary';

/** The checkpoint origin: the C2SP note name, also the first line of every signed body. */
export const NOTARY_ORIGIN = 'brukermedvirkning.no/audit-log';

export interface NotarySettings {
  origin: string;
  signingKey: KeyObject;
  /** A checkpoint at every multiple of this tree size. */
  eventsPerCheckpoint: number;
  /** New leaves never wait longer than this for a checkpoint (by the injected clock). */
  maxPendingMs: number;
  /** How often the scheduler looks (real time). */
  tickMs: number;
}

export const NOTARY_SETTINGS = Symbol('NotarySettings');

/**
 * NOTARY_SIGNING_KEY in production; in embedded mode a key generated once
 * into DATA_DIR (like PII_MASTER_KEY), via the given devSecret.
 */
export function notarySettings(
  configuredKey: string | undefined,
  devSecret: (name: string, make: () => string) => string,
): NotarySettings {
  return {
    origin: NOTARY_ORIGIN,
    signingKey: loadSigningKey(configuredKey ?? devSecret('notary-signing-key', generateSigningKey)),
    eventsPerCheckpoint: 1000,
    maxPendingMs: 60_000,
    tickMs: 1000,
  };
}
