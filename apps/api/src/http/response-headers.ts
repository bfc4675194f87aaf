import type { NextFunction, Request, Response } from 'express';

/** The API's business routes; everything under them may carry personal data or exports. */
const API_PATH = /^\/v\d+(\/|$)/;

/**
 * Headers every response gets before any handler runs, so errors carry them
 * too: `X-Content-Type-Options: nosniff` everywhere (a browser never guesses
 * a type other than the one sent), and under /v1 `Cache-Control: no-store`
 * (personal data and exports are never kept by a browser or proxy cache) and
 * a CSP that lets nothing load or run. Routes that serve a page set their own
 * CSP (the annual report). The public platform routes (/health, /metrics,
 * /docs) keep their caching and Swagger UI its scripts.
 */
export function responseHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (API_PATH.test(req.path)) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  }
  next();
}
