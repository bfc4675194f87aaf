import { SetMetadata } from '@nestjs/common';

export const EXPENSIVE_KEY = 'limits:expensive';

/** Operations whose cost grows with the whole log or year; each kind has its own gate. */
export type ExpensiveKind = 'annual-report' | 'audit-verify' | 'payout-draft' | 'payout-export';

/**
 * At most EXPENSIVE_CONCURRENCY of this kind run at once in a process, at
 * most EXPENSIVE_QUEUE more wait; beyond that 503 with Retry-After (the
 * OpenAPI document lists 503 as problem+json with Retry-After on every
 * operation: http/openapi/openapi-document.ts).
 */
export const Expensive = (kind: ExpensiveKind) => SetMetadata(EXPENSIVE_KEY, kind);
