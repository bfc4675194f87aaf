import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AUTH_SETTINGS, type AuthSettings } from '../http/auth/auth-settings';
import { ROLES } from '../http/auth/auth-user';
import { Public } from '../http/auth/roles.decorator';
import { WEB_CLIENT_SETTINGS } from './web-client.tokens';
import type { WebClientSettings } from './web-client-settings';

/**
 * `GET /web-client/config`: how the web client logs in. The identity
 * provider when configured; otherwise, with the generated development secret
 * only, the "Logg inn som" page and the roles it offers. Public: it holds no
 * secret (the client id of a PKCE client is not one).
 */
@ApiExcludeController()
@Public()
@Controller('web-client')
export class WebClientConfigController {
  constructor(
    @Inject(WEB_CLIENT_SETTINGS) private readonly settings: WebClientSettings,
    @Inject(AUTH_SETTINGS) private readonly auth: AuthSettings,
  ) {}

  @Get('config')
  @Header('Cache-Control', 'no-store')
  config() {
    const devLogin = this.auth.generatedDevelopmentSecret === true;
    return {
      oidc: this.settings.oidc,
      devLogin: devLogin ? { roles: [...ROLES] } : null,
    };
  }
}
