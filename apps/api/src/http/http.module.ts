import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { LimitsConfig } from '@app/platform';
import { AuthGuard } from './auth/auth.guard';
import { AUTH_SETTINGS, type AuthSettings } from './auth/auth-settings';
import { TokenVerifier } from './auth/token-verifier';
import {
  IDEMPOTENCY_OPTIONS,
  IdempotencyInterceptor,
  type IdempotencyOptions,
} from './idempotency/idempotency.interceptor';
import { IdempotencyOwner } from './idempotency/idempotency-owner';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { ParameterTextGuard } from './input/parameter-text.guard';
import { ExpensiveOperationsInterceptor } from './limits/expensive-operations.interceptor';
import { rateLimits } from './limits/rate-limits';
import { requestHasherProvider } from './idempotency/request-hasher.provider';
import { createValidationPipe } from './validation/validation.pipe';

export interface HttpOptions {
  auth: AuthSettings;
  idempotency?: Partial<IdempotencyOptions>;
  /** Per-caller rate limits (ADR 0013); absent: none. */
  limits?: Pick<LimitsConfig, 'rateBurst' | 'ratePerMinute'>;
}

/**
 * The cross-cutting HTTP layer, global for every controller: authentication
 * and roles (guard), request validation (pipe) and Idempotency-Key (interceptor);
 * per-caller rate limits and the gates of expensive operations (limits/, ADR 0013).
 * Nest runs them guard → interceptor → pipe → handler, so a repeat is
 * recognised only for an authenticated caller, and invalid input is never stored.
 */
@Module({})
export class HttpModule {
  static forRoot(options: HttpOptions): DynamicModule {
    const limits = rateLimits(options.limits ?? { rateBurst: null, ratePerMinute: null });
    return {
      module: HttpModule,
      imports: limits.imports,
      providers: [
        { provide: AUTH_SETTINGS, useValue: options.auth },
        { provide: IDEMPOTENCY_OPTIONS, useValue: options.idempotency ?? {} },
        TokenVerifier,
        IdempotencyStore,
        IdempotencyOwner,
        requestHasherProvider,
        { provide: APP_GUARD, useClass: AuthGuard },
        ...limits.providers,
        { provide: APP_GUARD, useClass: ParameterTextGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ExpensiveOperationsInterceptor },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
