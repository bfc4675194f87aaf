import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { PlatformModule } from '@app/platform';
import { Public, PUBLIC_KEY } from './roles.decorator';

/**
 * The platform's controllers (GET /health, GET /metrics) are operational
 * endpoints that load balancers and Prometheus call without a token. They
 * live in libs/platform, which cannot depend on this app's decorators, so the
 * app applies @Public() to them here, once, before the guard or the OpenAPI
 * document looks: the guard then keeps a single rule (public only if marked).
 * Any controller PlatformModule adds later is public too, on purpose: the
 * platform serves no business data.
 */
export function declarePlatformRoutesPublic(app: INestApplication): void {
  for (const module of app.get(ModulesContainer).values()) {
    if (module.metatype !== PlatformModule) continue;
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (controller && !Reflect.getMetadata(PUBLIC_KEY, controller)) Public()(controller);
    }
  }
}
