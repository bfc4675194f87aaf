export const ROLES = ['admin', 'project-lead', 'finance', 'auditor', 'representative'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles of the trust's staff. A route that names no roles is open to any
 * of them (and to a caller with no roles), never to a representative alone: a
 * representative reaches only the routes that name their role (docs/adr/0028).
 */
export const STAFF_ROLES: readonly Role[] = ['admin', 'project-lead', 'finance', 'auditor'];

/**
 * The verified caller, from the bearer token's claims `sub`, `name`, `roles`;
 * `participantId` (claim of the same name) only with the role `representative`:
 * the participant the representative is, whose own data they may see.
 */
export interface AuthUser {
  sub: string;
  name: string;
  roles: Role[];
  participantId?: string;
}

/** A representative acting as such: the role and the participant they are. */
export function representedParticipant(user: Pick<AuthUser, 'roles' | 'participantId'>): string | undefined {
  return user.roles.includes('representative') ? user.participantId : undefined;
}

/** A caller whose only power is the representative's: they may act only on their own participant. */
export function isRepresentativeOnly(user: Pick<AuthUser, 'roles'>): boolean {
  return user.roles.includes('representative') && !user.roles.some((role) => STAFF_ROLES.includes(role));
}
