import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import type { LimitsConfig } from '@app/platform';
import { CallerRateLimitGuard } from './caller-rate-limit.guard';

/**
 * RATE_LIMIT_BURST per second and RATE_LIMIT_PER_MINUTE per minute, for each
 * caller. Nothing is registered when both are off. The guard provider must
 * come after the AuthGuard's: Nest runs global guards in that order.
 */
export function rateLimits(limits: Pick<LimitsConfig, 'rateBurst' | 'ratePerMinute'>) {
  const throttlers: ThrottlerOptions[] = [];
  if (limits.rateBurst !== null) throttlers.push({ name: 'burst', ttl: 1_000, limit: limits.rateBurst });
  if (limits.ratePerMinute !== null)
    throttlers.push({ name: 'minute', ttl: 60_000, limit: limits.ratePerMinute });
  if (throttlers.length === 0) return { imports: [], providers: [] as Provider[] };
  return {
    // The guard sets a plain Retry-After itself; the per-throttler X-RateLimit-* headers are left off.
    imports: [ThrottlerModule.forRoot({ throttlers, setHeaders: false })],
    providers: [{ provide: APP_GUARD, useClass: CallerRateLimitGuard }] as Provider[],
  };
}
