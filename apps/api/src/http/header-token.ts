import { containsNationalId, ValidationFailed } from '@app/shared-kernel';

/** Longest `Idempotency-Key` or `X-Correlation-Id`: a UUID (36), a ULID (26) or a W3C trace id fit. */
export const MAX_HEADER_TOKEN_LENGTH = 64;
/** One class, one bounded quantifier: the check is linear whatever the header holds. */
const TOKEN = /^[A-Za-z0-9._~:-]+$/;

/**
 * A header that identifies a request (`Idempotency-Key`, `X-Correlation-Id`)
 * is written into event metadata, which can never be erased: so it must be an
 * opaque token, never free text, and never a national id. Undefined when absent; otherwise the trimmed
 * value, or 400 naming the header and the rule.
 */
export function parseHeaderToken(header: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const token = value.trim();
  const refuse = (message: string) => new ValidationFailed([{ field: header, message }]);
  if (token === '') throw refuse('must not be empty');
  if (token.length > MAX_HEADER_TOKEN_LENGTH)
    throw refuse(`must be at most ${MAX_HEADER_TOKEN_LENGTH} characters (a UUID is a good value)`);
  if (!TOKEN.test(token))
    throw refuse('may hold only letters A-Z and a-z, digits and . _ ~ : - (a UUID is a good value)');
  if (containsNationalId(token))
    throw refuse(
      'must not hold a national identity number (fødselsnummer or D-number); a UUID is a good value',
    );
  return token;
}
