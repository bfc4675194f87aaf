import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { CommandMeta } from '@app/participation';
import type { AuthUser } from '../http/auth/auth-user';

/** Who is asking and how to recognise a retry, from the verified user and the request headers. */
export function commandMeta(request: Request, user: AuthUser, ifMatch?: number): CommandMeta {
  const key =
    (request as Request & { idempotencyKey?: string }).idempotencyKey ??
    request.header('idempotency-key') ??
    undefined;
  const correlation = request.header('x-correlation-id');
  return {
    actor: user.sub,
    roles: user.roles,
    correlationId: correlation && correlation.length <= 200 ? correlation : randomUUID(),
    idempotencyKey: key,
    ifMatch,
  };
}
