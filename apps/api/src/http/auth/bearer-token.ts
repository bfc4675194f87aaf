import { AuthenticationFailed } from './authentication-failed';

// RFC 6750 §2.1: the scheme is case-insensitive, the token is a b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token of an `Authorization: Bearer <token>` header; 401 when it is missing or not a bearer credential. */
export function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') throw AuthenticationFailed.missing();
  const match = BEARER.exec(authorization);
  if (!match) throw AuthenticationFailed.invalid('The Authorization header must be "Bearer <JWT>"');
  return match[1];
}
