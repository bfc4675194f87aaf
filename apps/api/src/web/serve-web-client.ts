import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import { webClientCsp } from './web-client-csp';
import type { WebClientSettings } from './web-client-settings';

/**
 * Serves the built web client at `/` (index.html, its script, styles and
 * fonts), each with the client's CSP. The page is never cached (a new build
 * shows at once); the bundles carry a content hash in their names, so they
 * may be kept. Nothing is served when the client was not built: the API
 * works alone.
 */
export function serveWebClient(app: NestExpressApplication, settings: WebClientSettings): void {
  if (!existsSync(join(settings.dir, 'index.html'))) {
    new Logger('WebClient').warn(
      `no web client in ${settings.dir} (npm start builds it); serving the API only`,
    );
    return;
  }
  const csp = webClientCsp(settings.oidc);
  app.useStaticAssets(settings.dir, {
    index: 'index.html',
    redirect: false,
    setHeaders: (res: Response, path: string) => {
      res.setHeader('Content-Security-Policy', csp);
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader(
        'Cache-Control',
        path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
}
