import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * An orderly end of HTTP: stop accepting connections, let every request in
 * flight finish with its answer (each told `Connection: close`, so no client
 * sends another on that connection), then close what is left. Only then may
 * the application close its workers and pools: Nest's own `close()` runs the
 * shutdown hooks while requests may still be running.
 */
export class HttpDrain {
  private readonly active = new Set<Response>();
  private draining = false;
  private idle: (() => void) | undefined;

  /** Express middleware, first of all: counts the requests in flight. */
  readonly track = (_req: Request, res: Response, next: NextFunction): void => {
    this.active.add(res);
    if (this.draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      this.active.delete(res);
      if (this.active.size === 0) this.idle?.();
    });
    next();
  };

  get inFlight(): number {
    return this.active.size;
  }

  /** Resolves when every request in flight has been answered, or after graceMs (the rest are cut). */
  async drain(server: Server, graceMs: number): Promise<void> {
    this.draining = true;
    let closed = false;
    const allClosed = new Promise<void>((resolve) => server.close(() => resolve())).then(
      () => (closed = true),
    );
    for (const res of this.active) if (!res.headersSent) res.setHeader('Connection', 'close');
    const deadline = Date.now() + graceMs;
    while (!closed && Date.now() < deadline) {
      await this.quiet(deadline);
      // Kept-alive connections with no request on them; one that brings a request meanwhile stays,
      // and its answer closes it.
      server.closeIdleConnections();
      await Promise.race([allClosed, pause(50)]);
    }
    server.closeAllConnections();
    await allClosed;
  }

  private quiet(deadline: number): Promise<void> {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.idle = done;
    });
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
