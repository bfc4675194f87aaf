export const ROLES = ['admin', 'project-lead', 'finance', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The verified caller, from the bearer token's claims `sub`, `name`, `roles`. */
export interface AuthUser {
  sub: string;
  name: string;
  roles: Role[];
}
