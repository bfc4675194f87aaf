import type { Request } from 'express';
import type { AuthUser } from './auth/auth-user';

/** What the HTTP layer adds to an Express request before a handler runs. */
export type HttpRequest = Request & {
  /** The caller the auth guard verified (absent on @Public routes). */
  user?: AuthUser;
  /** The validated `Idempotency-Key` of a POST, when the client sent one. */
  idempotencyKey?: string;
};
