import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { CommandMeta } from '@app/participation';
import type { AuthUser } from '../http/auth/auth-user';
import { parseHeaderToken } from '../http/header-token';
import { parseIdempotencyKey } from '../http/idempotency/idempotency-key';

/**
 * Who is asking and how to recognise a retry, from the verified user and the
 * request headers. Both headers end up in event metadata, so both must be
 * tokens (400 otherwise); without `X-Correlation-Id` a fresh UUID is used.
 */
export function commandMeta(request: Request, user: AuthUser, ifMatch?: number): CommandMeta {
  const key =
    (request as Request & { idempotencyKey?: string }).idempotencyKey ??
    parseIdempotencyKey(request.header('idempotency-key'));
  const correlation = parseHeaderToken('X-Correlation-Id', request.header('x-correlation-id'));
  return {
    actor: user.sub,
    roles: user.roles,
    correlationId: correlation ?? randomUUID(),
    idempotencyKey: key,
    ifMatch,
  };
}
