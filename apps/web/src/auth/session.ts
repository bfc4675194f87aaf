// The logged-in person: the bearer token (kept for this browser tab only) and its claims.

export type Role = 'admin' | 'project-lead' | 'finance' | 'auditor' | 'representative';

export interface Session {
  token: string;
  sub: string;
  name: string;
  roles: Role[];
  participantId: string | null;
  /** Seconds since 1970 (the token's `exp`). */
  expiresAt: number | null;
}

const KEY = 'brukermedvirkning.token';

function decodePayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The claims the client shows and routes by; the API verifies the token itself on every call. */
export function sessionOf(token: string): Session | null {
  const claims = decodePayload(token);
  if (!claims || typeof claims.sub !== 'string') return null;
  const roles = Array.isArray(claims.roles)
    ? (claims.roles.filter((r) => typeof r === 'string') as Role[])
    : [];
  const exp = typeof claims.exp === 'number' ? claims.exp : null;
  if (exp !== null && exp * 1000 <= Date.now()) return null;
  return {
    token,
    sub: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : claims.sub,
    roles,
    participantId: typeof claims.participantId === 'string' ? claims.participantId : null,
    expiresAt: exp,
  };
}

export function loadSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  return token ? sessionOf(token) : null;
}

export function saveToken(token: string): Session | null {
  const session = sessionOf(token);
  if (session) sessionStorage.setItem(KEY, token);
  return session;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
