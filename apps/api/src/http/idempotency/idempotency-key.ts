import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { canonicalJson, nameBasedUuid, ValidationFailed } from '@app/shared-kernel';
import type { HttpRequest } from '../http-request';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
const VISIBLE_ASCII = /^[\x20-\x7E]+$/;

/** The `Idempotency-Key` header: undefined when absent; 400 naming the header when empty, too long or not printable ASCII. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = header.trim();
  const refuse = (message: string) => new ValidationFailed([{ field: 'Idempotency-Key', message }]);
  if (key === '') throw refuse('must not be empty');
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    throw refuse(`must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  if (!VISIBLE_ASCII.test(key)) throw refuse('must be printable ASCII (a UUID is a good key)');
  return key;
}

/**
 * The request's validated Idempotency-Key (POST only), or undefined. The
 * idempotency interceptor has already made sure a repeat never reaches the
 * handler; handlers use the key for deterministic event ids
 * (idempotentEventId) so even a retry after a lost response appends nothing.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<HttpRequest>().idempotencyKey,
);

/**
 * A deterministic event id for one event of one command: the same caller,
 * key and name always give the same UUID (v5), different callers never
 * collide. `name` tells the command's events apart, e.g. `LogInvolvement#0`.
 */
export function idempotentEventId(callerSub: string, idempotencyKey: string, name: string): string {
  return nameBasedUuid(canonicalJson(['idempotency', callerSub, idempotencyKey, name]));
}
