import { containsNationalId, hasUnsafeCharacter } from '@app/shared-kernel';
import { ROLES, type AuthUser, type Role } from './auth-user';

/** A verified token whose claims do not describe a caller. */
export class UnusableClaims extends Error {}

const MAX_SUB_LENGTH = 255;
const MAX_PARTICIPANT_ID_LENGTH = 100;

/**
 * The caller from a verified token's claims: `sub` (required), `name`
 * (defaults to `sub`), `roles` (an array; roles this API does not know are
 * ignored, so an identity provider may carry roles for other systems).
 */
export function userFromClaims(claims: Readonly<Record<string, unknown>>): AuthUser {
  const { sub, name, roles } = claims;
  if (typeof sub !== 'string' || sub.trim() === '')
    throw new UnusableClaims('The bearer token has no subject (sub)');
  if (sub.length > MAX_SUB_LENGTH)
    throw new UnusableClaims(`The bearer token's subject (sub) is longer than ${MAX_SUB_LENGTH} characters`);
  // The sub is every event's actor: stored plain in a log that can never erase it, and by PostgreSQL.
  if (hasUnsafeCharacter(sub) || Buffer.from(sub, 'utf8').toString('utf8') !== sub)
    throw new UnusableClaims(
      "The bearer token's subject (sub) holds a control character, a bidirectional formatting character or an unpaired surrogate",
    );
  if (containsNationalId(sub))
    throw new UnusableClaims(
      "The bearer token's subject (sub) holds a national identity number; use the identity provider's opaque subject",
    );
  const granted: unknown[] = Array.isArray(roles) ? roles : [];
  // ROLES order, each once, whatever the token's order or repeats.
  const known = ROLES.filter((role: Role) => granted.includes(role));
  const user: AuthUser = {
    sub,
    name: typeof name === 'string' && name.trim() !== '' ? name : sub,
    roles: known,
  };
  if (known.includes('representative')) user.participantId = participantIdOf(claims.participantId);
  return user;
}

/** A representative's token names the participant they are: without it they could see nothing of their own. */
function participantIdOf(claim: unknown): string {
  if (typeof claim !== 'string' || claim.trim() === '' || claim.length > MAX_PARTICIPANT_ID_LENGTH)
    throw new UnusableClaims(
      `The bearer token has the role representative but no participantId claim (a participant id of 1 to ${MAX_PARTICIPANT_ID_LENGTH} characters)`,
    );
  if (hasUnsafeCharacter(claim))
    throw new UnusableClaims("The bearer token's participantId holds a control or formatting character");
  return claim;
}
