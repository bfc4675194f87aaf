import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@app/platform';
import { ConcurrencyGate, GateBusy } from './concurrency-gate';
import { EXPENSIVE_KEY, type ExpensiveKind } from './expensive.decorator';

/**
 * Runs every @Expensive handler through its kind's gate. It sits inside the
 * IdempotencyInterceptor (registered after it), so a refused POST leaves no
 * claim behind and its Idempotency-Key may be retried.
 */
@Injectable()
export class ExpensiveOperationsInterceptor implements NestInterceptor {
  private readonly gates = new Map<ExpensiveKind, ConcurrencyGate>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = this.reflector.get<ExpensiveKind | undefined>(EXPENSIVE_KEY, context.getHandler());
    if (kind === undefined) return next.handle();
    return from(
      this.gate(kind)
        .run(() => lastValueFrom(next.handle(), { defaultValue: undefined }))
        .catch((error: unknown) => {
          if (!(error instanceof GateBusy)) throw error;
          const seconds = error.retryAfterSeconds;
          context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
          throw new ServiceUnavailableException(
            `Too many ${kind} requests are running; retry after ${seconds} s`,
          );
        }),
    );
  }

  private gate(kind: ExpensiveKind): ConcurrencyGate {
    let gate = this.gates.get(kind);
    if (!gate) {
      const { expensiveConcurrency, expensiveQueue } = this.config.limits;
      gate = new ConcurrencyGate(expensiveConcurrency, expensiveQueue);
      this.gates.set(kind, gate);
    }
    return gate;
  }
}
