import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { AuthUser } from './auth-user';
import { AUTH_SETTINGS, hs256Key, type AuthSettings } from './auth-settings';
import { AuthenticationFailed } from './authentication-failed';
import { userFromClaims, UnusableClaims } from './claims';
import { tokenLifetimeProblem } from './token-lifetime';
import { VerifiedTokenCache } from './verified-token-cache';

const ASYMMETRIC = ['RS256', 'ES256'];
/** Seconds of clock skew tolerated between us and the token issuer. */
const CLOCK_TOLERANCE = 30;

/**
 * Verifies a bearer JWT and maps its claims to the caller. The token's `alg`
 * picks the key: HS256 with the shared secret, RS256/ES256 with the JWKS;
 * anything else (including `none`) is refused. Expiry is checked against the
 * wall clock, not the app's Clock: tokens live in real time. After the
 * signature, the time claims: `exp` required, `iat` not ahead of us, the
 * lifetime at most AUTH_MAX_TOKEN_HOURS (token-lifetime.ts). A token that
 * passed is remembered until its `exp`, never past it, and at most a minute
 * (verified-token-cache.ts).
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger('Auth');
  private readonly secret: Uint8Array | undefined;
  private readonly jwks: JWTVerifyGetKey | undefined;
  private readonly verified = new VerifiedTokenCache();

  constructor(@Inject(AUTH_SETTINGS) private readonly settings: AuthSettings) {
    this.secret = settings.jwtSecret ? hs256Key(settings.jwtSecret) : undefined;
    this.jwks = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : undefined;
  }

  async verify(token: string): Promise<AuthUser> {
    const remembered = this.verified.get(token, Date.now());
    if (remembered) return remembered;
    const claims = await this.verifiedClaims(token);
    const lifetime = tokenLifetimeProblem(claims, Math.floor(Date.now() / 1000), {
      maxHours: this.settings.maxTokenHours,
      toleranceSeconds: CLOCK_TOLERANCE,
    });
    if (lifetime) throw AuthenticationFailed.invalid(lifetime);
    let user: AuthUser;
    try {
      user = userFromClaims(claims);
    } catch (error) {
      if (error instanceof UnusableClaims) throw AuthenticationFailed.invalid(error.message);
      throw error;
    }
    // tokenLifetimeProblem has made sure exp is a finite number.
    this.verified.remember(token, user, claims.exp as number, Date.now());
    return user;
  }

  private async verifiedClaims(token: string): Promise<JWTPayload> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw AuthenticationFailed.invalid('The bearer token is not a well-formed JWT');
    }
    const checks = {
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      clockTolerance: CLOCK_TOLERANCE,
    };
    if (alg === 'HS256' && this.secret) {
      try {
        return (await jwtVerify(token, this.secret, { ...checks, algorithms: ['HS256'] })).payload;
      } catch (error) {
        throw refusal(error);
      }
    }
    if (alg !== undefined && ASYMMETRIC.includes(alg) && this.jwks) {
      try {
        return (await jwtVerify(token, this.jwks, { ...checks, algorithms: ASYMMETRIC })).payload;
      } catch (error) {
        if (
          error instanceof errors.JOSEError &&
          !(error instanceof errors.JWKSTimeout) &&
          !(error instanceof errors.JWKSInvalid)
        )
          throw refusal(error);
        // The identity provider's keys could not be fetched: our outage, not the caller's fault.
        this.logger.error(
          `cannot fetch the JWKS from ${this.settings.jwksUrl}: ${error instanceof Error ? error.message : String(error)}`,
        );
        throw new ServiceUnavailableException(
          'Bearer tokens cannot be verified right now: the identity provider keys are unavailable',
        );
      }
    }
    throw AuthenticationFailed.invalid(
      `Bearer tokens signed with ${alg ?? 'no algorithm'} are not accepted here`,
    );
  }
}

function refusal(error: unknown): unknown {
  if (error instanceof errors.JWTExpired) return AuthenticationFailed.invalid('The bearer token has expired');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return AuthenticationFailed.invalid('The bearer token signature is not valid');
  if (error instanceof errors.JWKSNoMatchingKey)
    return AuthenticationFailed.invalid('The bearer token was signed with a key this API does not know');
  if (error instanceof errors.JWTClaimValidationFailed)
    return AuthenticationFailed.invalid(`The bearer token is not accepted: ${error.message}`);
  if (error instanceof errors.JOSEError)
    return AuthenticationFailed.invalid('The bearer token is not a valid JWT');
  return error;
}
