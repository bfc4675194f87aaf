import { setTimeout as sleep } from 'node:timers/promises';
import {
  Inject,
  Injectable,
  Logger,
  Optional,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { defer, lastValueFrom, throwError, type Observable } from 'rxjs';
import { Conflict, RuleViolation } from '@app/shared-kernel';
import type { HttpRequest } from '../http-request';
import { parseIdempotencyKey } from './idempotency-key';
import { IdempotencyOwner } from './idempotency-owner';
import { IdempotencyStore, type IdempotencyScope, type StoredResponse } from './idempotency.store';
import { RequestHasher } from './request-hash';

export interface IdempotencyOptions {
  /** How long a repeat waits for the first request with its key to finish before it gets 409. */
  waitMs: number;
  /**
   * A claim whose owner cannot be told (a row from before owners were recorded) is taken to be
   * from a process that died once it is older than this. A claim of a dead owner is free at once.
   */
  leaseSeconds: number;
}

export const IDEMPOTENCY_OPTIONS = Symbol('IdempotencyOptions');
const DEFAULTS: IdempotencyOptions = { waitMs: 5_000, leaseSeconds: 120 };
const POLL_MS = 50;
/** A claim that cannot be completed or released is tried again this often, this many times. */
const SETTLE_RETRY_MS = 1_000;
const SETTLE_ATTEMPTS = 30;
/** Response headers worth replaying with the body. */
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * `Idempotency-Key` on every POST. The first request with a key (per caller,
 * method and path) claims it in PostgreSQL and runs; a 2xx/3xx response is
 * stored with a keyed hash of the request body's canonical JSON
 * (RequestHasher). A repeat with the same body gets the stored status and body (`Idempotent-Replayed: true`)
 * and runs nothing; another body gets 422 `idempotency-key-reused`. A repeat
 * arriving while the first still runs waits up to `waitMs` for it, then gets
 * 409. Failed requests (any error, any 4xx/5xx) store nothing, so a corrected
 * retry may reuse the key. A claim left by a process that died (kill -9, a
 * crashed replica) is free as soon as PostgreSQL has seen its connection close
 * (IdempotencyOwner), so the retry runs the handler again, which deterministic
 * event ids make harmless.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly options: IdempotencyOptions;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly owner: IdempotencyOwner,
    private readonly hasher: RequestHasher,
    @Optional() @Inject(IDEMPOTENCY_OPTIONS) options?: Partial<IdempotencyOptions>,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<HttpRequest>();
    if (request.method !== 'POST') return next.handle();
    let key: string | undefined;
    try {
      key = parseIdempotencyKey(request.header('idempotency-key'));
    } catch (error) {
      return throwError(() => error);
    }
    if (key === undefined) return next.handle();
    request.idempotencyKey = key;
    const scope: IdempotencyScope = {
      caller: request.user?.sub ?? '',
      method: request.method,
      path: request.originalUrl.split('?')[0],
      key,
    };
    const requestHash = this.hasher.hash(request.body ?? null);
    return defer(() => this.once(scope, requestHash, context.switchToHttp().getResponse<Response>(), next));
  }

  private async once(
    scope: IdempotencyScope,
    requestHash: string,
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const deadline = Date.now() + this.options.waitMs;
    for (;;) {
      const claim = await this.store.claim(
        scope,
        requestHash,
        await this.owner.id(),
        this.options.leaseSeconds,
      );
      if (claim.kind === 'claimed') return this.runFirst(scope, claim.claimId, response, next);
      if (claim.kind !== 'vanished' && claim.requestHash !== requestHash)
        throw new RuleViolation(
          'idempotency-key-reused',
          'This Idempotency-Key was already used with a different request body; use a new key for a new request',
        );
      if (claim.kind === 'completed') return replay(response, claim.response);
      if (Date.now() >= deadline) {
        response.setHeader('Retry-After', '1');
        throw new Conflict(
          'A request with this Idempotency-Key is still being processed; retry when it has finished',
        );
      }
      if (claim.kind === 'running') await sleep(POLL_MS);
    }
  }

  private async runFirst(
    scope: IdempotencyScope,
    claimId: string,
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.release(scope, claimId);
      throw error;
    }
    // A failure status set by the handler, a response it sent itself, or a file: nothing to replay.
    if (response.statusCode >= 400 || response.headersSent || body instanceof StreamableFile) {
      await this.release(scope, claimId);
      return body;
    }
    const stored = { status: response.statusCode, body, headers: replayedHeaders(response) };
    // The command succeeded; its answer goes out even if it cannot be stored now.
    await this.settle(`store the response for Idempotency-Key ${scope.key}`, () =>
      this.store.complete(scope, claimId, stored),
    );
    return body;
  }

  private async release(scope: IdempotencyScope, claimId: string): Promise<void> {
    await this.settle(`release Idempotency-Key ${scope.key}`, () => this.store.release(scope, claimId));
  }

  /**
   * Completes or releases a claim. When the database does not take it (a lost connection), it is
   * tried again in the background for a while: until then a repeat waits (409) while this process
   * lives, and runs the handler again once the process is gone, which deterministic event ids
   * make harmless.
   */
  private async settle(what: string, write: () => Promise<void>, attempt = 1): Promise<void> {
    try {
      await write();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= SETTLE_ATTEMPTS) {
        this.logger.error(`could not ${what}: ${message}`);
        return;
      }
      if (attempt === 1) this.logger.warn(`could not ${what} (${message}); trying again`);
      setTimeout(() => void this.settle(what, write, attempt + 1), SETTLE_RETRY_MS).unref();
    }
  }
}

function replay(response: Response, stored: StoredResponse): unknown {
  response.status(stored.status);
  for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
  response.setHeader('Idempotent-Replayed', 'true');
  return stored.body ?? undefined;
}

function replayedHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.getHeader(name);
    if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
  }
  return headers;
}
