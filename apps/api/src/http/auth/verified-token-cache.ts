import type { AuthUser } from './auth-user';

interface Entry {
  user: AuthUser;
  /** The token's `exp`, or a minute after the check if sooner, in milliseconds: never used at or after it. */
  expiresAtMs: number;
}

/**
 * How long a verified token is remembered at most: a key the identity
 * provider withdraws from its key set stops a token already seen within a
 * minute, not only at that token's `exp` (up to AUTH_MAX_TOKEN_HOURS).
 */
export const REMEMBER_AT_MOST_MS = 60_000;

/**
 * Bearer tokens verified lately, by the whole token string, each kept until
 * its `exp` and never past it, and at most a minute (docs/adr/0033): a caller
 * sends the same token with every request, and verifying its signature again
 * gives the same answer until it expires or the key set changes. Bounded: the oldest entry leaves when a new one would make
 * more than `capacity`. Only tokens that passed every check are remembered;
 * each answer is a copy, so no request can change what the next one sees.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity = 1000,
    private readonly maxAgeMs = REMEMBER_AT_MOST_MS,
  ) {}

  get(token: string, nowMs: number): AuthUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return copyOf(entry.user);
  }

  remember(token: string, user: AuthUser, expSeconds: number, nowMs: number): void {
    const expiresAtMs = Math.min(expSeconds * 1000, nowMs + this.maxAgeMs);
    if (nowMs >= expiresAtMs || this.capacity <= 0) return;
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { user: copyOf(user), expiresAtMs });
  }
}

function copyOf(user: AuthUser): AuthUser {
  return { ...user, roles: [...user.roles] };
}
