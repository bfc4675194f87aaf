import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { PlatformOptions } from '@app/platform';
import { AppModule } from './app.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';

/** Builds the HTTP application exactly as `npm start` runs it; e2e tests use the same function. */
export async function createApp(options: PlatformOptions & { logger?: false }): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    bodyParser: false,
    logger: options.logger === false ? false : ['log', 'warn', 'error'],
  });
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.disable('x-powered-by');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Brukermedvirkning API')
      .setDescription('User participation in health services: involvements, honorarium, payouts and verifiable audit.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
