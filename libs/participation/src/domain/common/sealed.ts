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

/**
 * Free text about one person (an involvement's topic, evidence summaries,
 * reasons) is sealed with that person's key too. Once the person is
 * forgotten it reads as this marker: erased for good, not an error.
 */
export type ErasedText = { erased: true };

/** Free text as readers see it: the text, or erased with its person. */
export type PersonalText = string | ErasedText;

export const isErasedText = (value: unknown): value is ErasedText =>
  typeof value === 'object' && value !== null && (value as ErasedText).erased === true;
