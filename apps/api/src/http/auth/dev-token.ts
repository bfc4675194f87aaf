import { SignJWT } from 'jose';
import type { Role } from './auth-user';
import { hs256Key } from './auth-settings';

export interface DevTokenClaims {
  sub: string;
  name?: string;
  roles: readonly Role[];
  /** With the role representative: the participant they are (claim `participantId`). */
  participantId?: string;
  /** A jose time span ("8h", "30m", "-1h") or an absolute NumericDate / Date. Default 8h. */
  expires?: string | number | Date;
  issuer?: string;
  audience?: string;
}

/** An HS256 token the API accepts when it runs with the same secret (`npm run token`, tests). */
export async function signDevToken(claims: DevTokenClaims, secret: string): Promise<string> {
  let jwt = new SignJWT({
    name: claims.name ?? claims.sub,
    roles: [...claims.roles],
    ...(claims.participantId !== undefined ? { participantId: claims.participantId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.expires ?? '8h');
  if (claims.issuer) jwt = jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt = jwt.setAudience(claims.audience);
  return jwt.sign(hs256Key(secret));
}
