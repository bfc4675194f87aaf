import { Injectable, type ExecutionContext, type Type } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { PlatformModule } from '@app/platform';
import type { HttpRequest } from '../http-request';

/**
 * @nestjs/throttler, keyed by caller rather than by route: one budget per
 * verified token `sub` across the whole API, else per client IP. It runs
 * after the AuthGuard (registered after it), so `request.user` is the
 * verified caller and a forged `sub` can neither dodge a budget nor spend
 * someone else's. The platform's /health and /metrics are never limited
 * (load balancers and Prometheus poll them); /docs is served outside Nest.
 */
@Injectable()
export class CallerRateLimitGuard extends ThrottlerGuard {
  private readonly platformControllers = new Set<Type<unknown>>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly modules: ModulesContainer,
  ) {
    super(options, storage, reflector);
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    for (const module of this.modules.values())
      if (module.metatype === PlatformModule)
        for (const wrapper of module.controllers.values())
          if (wrapper.metatype) this.platformControllers.add(wrapper.metatype as Type<unknown>);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http' || this.platformControllers.has(context.getClass());
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { user } = request as Partial<HttpRequest>;
    return user ? `caller:${user.sub}` : `ip:${await super.getTracker(request)}`;
  }

  /** One budget per caller for the whole API (the default key is per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    const window = detail.ttl >= 60_000 ? 'minute' : 'second';
    throw new ThrottlerException(
      `Too many requests: at most ${detail.limit} per ${window} for one caller; retry after ${seconds} s`,
    );
  }
}
