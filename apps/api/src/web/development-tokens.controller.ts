import { Body, Controller, Header, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AUTH_SETTINGS, type AuthSettings } from '../http/auth/auth-settings';
import { Public } from '../http/auth/roles.decorator';
import { mintDevelopmentToken } from './development-tokens';
import { DevelopmentTokenDto } from './web-client.dto';

/**
 * `POST /web-client/dev-tokens`: the web client's "Logg inn som" page in
 * embedded development. Registered only when the API verifies with the
 * development secret it generated itself (AuthSettings.generatedDevelopmentSecret);
 * the check here is a second lock, so the route can never sign with a
 * configured secret: anywhere else it answers 404 like any unknown path.
 */
@ApiExcludeController()
@Public()
@Controller('web-client')
export class DevelopmentTokensController {
  constructor(@Inject(AUTH_SETTINGS) private readonly auth: AuthSettings) {}

  @Post('dev-tokens')
  @Header('Cache-Control', 'no-store')
  async mint(@Body() body: DevelopmentTokenDto) {
    if (this.auth.generatedDevelopmentSecret !== true || !this.auth.jwtSecret)
      throw new NotFoundException('Cannot POST /web-client/dev-tokens');
    return mintDevelopmentToken(body, this.auth.jwtSecret, this.auth.maxTokenHours);
  }
}
