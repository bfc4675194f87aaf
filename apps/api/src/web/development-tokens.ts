import { SignJWT } from 'jose';
import { hs256Key } from '../http/auth/auth-settings';

export interface DevelopmentTokenRequest {
  sub: string;
  name: string;
  roles: readonly string[];
  /** The representative's own participant (the `participantId` claim), when given. */
  participantId?: string;
}

/** How long a token from the "Logg inn som" page lives: a working day, within AUTH_MAX_TOKEN_HOURS. */
const DEVELOPMENT_TOKEN_HOURS = 8;

/** An HS256 token signed with the generated development secret, as `npm run token` makes one. */
export async function mintDevelopmentToken(
  request: DevelopmentTokenRequest,
  secret: string,
  maxTokenHours: number,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + Math.floor(Math.min(DEVELOPMENT_TOKEN_HOURS, maxTokenHours) * 3600);
  const token = await new SignJWT({
    name: request.name,
    roles: [...request.roles],
    ...(request.participantId ? { participantId: request.participantId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(hs256Key(secret));
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}
