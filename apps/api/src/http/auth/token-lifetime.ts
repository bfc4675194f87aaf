export interface LifetimeRules {
  /** AUTH_MAX_TOKEN_HOURS: the longest a token may live, from `iat` (or from now without one) to `exp`. */
  maxHours: number;
  /** Seconds of clock skew tolerated between us and the token issuer. */
  toleranceSeconds: number;
}

/**
 * Why a verified token's time claims are not acceptable, or undefined when
 * they are. `exp` is required (a token without it would be valid forever);
 * `iat`, when present, may not lie ahead of our clock by more than the
 * tolerance; the lifetime is `exp - iat`, or `exp - now` without `iat` (then
 * the tolerance is granted, as our clock and the issuer's may differ), and
 * may not exceed the cap. Expiry itself is checked by the JWT library.
 * `now` is in seconds since the epoch, like the claims.
 */
export function tokenLifetimeProblem(
  claims: { exp?: unknown; iat?: unknown },
  now: number,
  rules: LifetimeRules,
): string | undefined {
  const { exp, iat } = claims;
  const hours = `${rules.maxHours} hours (AUTH_MAX_TOKEN_HOURS)`;
  if (typeof exp !== 'number' || !Number.isFinite(exp))
    return `The bearer token has no expiry (exp); tokens must expire within ${hours}`;
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat)))
    return 'The bearer token has an issue time (iat) that is not a number';
  if (typeof iat === 'number' && iat > now + rules.toleranceSeconds)
    return `The bearer token was issued in the future (iat), more than ${rules.toleranceSeconds} seconds ahead of this server's clock`;
  const lifetime = typeof iat === 'number' ? exp - iat : exp - now - rules.toleranceSeconds;
  if (lifetime > rules.maxHours * 3600)
    return `The bearer token lives longer than ${rules.maxHours} hours from iat (or now) to exp; the most allowed is ${hours}`;
  return undefined;
}
