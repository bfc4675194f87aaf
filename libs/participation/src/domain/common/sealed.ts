/**
 * Personal data (names, national identity numbers, bank accounts, e-mail,
 * addresses) enters events only as this envelope, sealed by the personal-data
 * vault with a per-person key. Destroying the key forgets the person while the
 * event log, and every hash over it, stays intact.
 *
 * Form: `pii:v1:<base64 iv>:<base64 ciphertext+tag>`.
 */
export type SealedPersonalData = string;

const ENVELOPE = /^pii:v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]+={0,2}$/;

/** Guards events against plaintext slipping in where an envelope belongs. */
export function isSealedEnvelope(value: unknown): value is SealedPersonalData {
  return typeof value === 'string' && ENVELOPE.test(value);
}
