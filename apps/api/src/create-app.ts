import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppLogger, type PlatformOptions } from '@app/platform';
import { AppModule } from './app.module';
import { AUTH_SETTINGS, resolveAuthSettings } from './http/auth/auth-settings';
import { declarePlatformRoutesPublic } from './http/auth/public-platform-routes';
import { keepBodyParserErrorType } from './http/body-parser-errors';
import { answerClientErrors } from './http/client-errors';
import { HttpModule, type HttpOptions } from './http/http.module';
import { refuseUnstorableJson } from './http/input/json-body-shape';
import { finishDocument } from './http/openapi/openapi-document';
import { ProblemDetailsSchema } from './http/openapi/problem-details.schema';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { responseHeaders } from './http/response-headers';
import { DevelopmentTokensController } from './web/development-tokens.controller';
import { serveWebClient } from './web/serve-web-client';
import { WebClientConfigController } from './web/web-client-config.controller';
import { loadWebClientSettings, type WebClientSettings } from './web/web-client-settings';
import { WEB_CLIENT_SETTINGS } from './web/web-client.tokens';

export interface CreateAppOptions extends PlatformOptions {
  logger?: false;
  /** Tests only: more controllers, behind the same guard, pipe and interceptor. */
  extraControllers?: Type<unknown>[];
  /** Tests only: idempotency timings. */
  idempotency?: HttpOptions['idempotency'];
  /** The web client's folder and identity provider; default from the WEB_* environment. */
  webClient?: WebClientSettings;
}

/** The root: the app's modules plus the HTTP layer (auth guard, validation pipe, idempotency interceptor). */
@Module({})
class ApiModule {}

/** Builds the HTTP application exactly as `npm start` runs it; e2e tests use the same function. */
export async function createApp(options: CreateAppOptions): Promise<NestExpressApplication> {
  const auth = resolveAuthSettings(options.config);
  const webClient = options.webClient ?? loadWebClientSettings();
  const root: DynamicModule = {
    module: ApiModule,
    imports: [
      AppModule.register(options),
      HttpModule.forRoot({
        auth,
        idempotency: options.idempotency,
        limits: options.config.limits,
      }),
    ],
    providers: [
      { provide: AUTH_SETTINGS, useValue: auth },
      { provide: WEB_CLIENT_SETTINGS, useValue: webClient },
    ],
    controllers: [
      WebClientConfigController,
      // The "Logg inn som" page's token endpoint exists only with the generated development secret.
      ...(auth.generatedDevelopmentSecret ? [DevelopmentTokensController] : []),
      ...(options.extraControllers ?? []),
    ],
  };
  const app = await NestFactory.create<NestExpressApplication>(root, {
    bodyParser: false,
    logger: options.logger === false ? false : new AppLogger(options.config.logLevel),
  });
  answerClientErrors(app.getHttpServer());
  app.use(responseHeaders);
  serveWebClient(app, webClient);
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.use(keepBodyParserErrorType);
  app.use(refuseUnstorableJson);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.disable('x-powered-by');
  // ETags are aggregate versions set by handlers (setETag), never Express's body hashes a client could mistake for one.
  app.set('etag', false);
  declarePlatformRoutesPublic(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Brukermedvirkning API')
      .setDescription(
        'User participation in health services: involvements, honorarium, payouts and verifiable audit.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
    { extraModels: [ProblemDetailsSchema] },
  );
  SwaggerModule.setup('docs', app, finishDocument(document), { jsonDocumentUrl: 'docs-json' });
  return app;
}
