import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiServiceUnavailableResponse } from '@nestjs/swagger';

export const EXPENSIVE_KEY = 'limits:expensive';

/** Operations whose cost grows with the whole log or year; each kind has its own gate. */
export type ExpensiveKind = 'annual-report' | 'audit-verify' | 'payout-draft' | 'payout-export';

/**
 * At most EXPENSIVE_CONCURRENCY of this kind run at once in a process, at
 * most EXPENSIVE_QUEUE more wait; beyond that 503 with Retry-After.
 */
export const Expensive = (kind: ExpensiveKind) =>
  applyDecorators(
    SetMetadata(EXPENSIVE_KEY, kind),
    ApiServiceUnavailableResponse({
      description: `Too many ${kind} requests are running: application/problem+json; retry after the Retry-After header's seconds`,
    }),
  );
