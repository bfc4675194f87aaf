import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { canonicalJson, nameBasedUuid } from '@app/shared-kernel';
import { MAX_HEADER_TOKEN_LENGTH, parseHeaderToken } from '../header-token';
import type { HttpRequest } from '../http-request';

export const MAX_IDEMPOTENCY_KEY_LENGTH = MAX_HEADER_TOKEN_LENGTH;

/**
 * The `Idempotency-Key` header: undefined when absent; 400 naming the header
 * when empty, longer than 64 characters, or not a token of letters, digits and
 * `. _ ~ : -`. The key is event metadata (causationId) and names event ids, so
 * it must never carry free text.
 */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  return parseHeaderToken('Idempotency-Key', header);
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
