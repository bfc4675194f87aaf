import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '@app/platform';
import { Conflict, DomainError, RuleViolation, ValidationFailed, type FieldError } from '@app/shared-kernel';
import { challengeOf } from './auth/authentication-failed';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  rule?: string;
  existingParticipantId?: string;
  /** nothing-payable: the involvements that could not be priced (docs/adr/0020). */
  unpriced?: unknown[];
}

const STATUS_OF: Record<DomainError['kind'], number> = {
  validation: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  precondition: 412,
  'precondition-required': 428,
  rule: 422,
};

/** Seconds a client is asked to wait when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Seconds a client is asked to wait on any other 503 that set no Retry-After of
 * its own: a read model behind the log (the money views, payout batch reads).
 */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * Every error leaves as application/problem+json (RFC 9457). Known errors keep
 * their status and say what was wrong; a database that cannot be reached is a
 * 503 with Retry-After (the request may be retried as it is), and so is every
 * other 503 (the OpenAPI document lists Retry-After on each); anything
 * unexpected is a 500 that tells the client nothing internal (the log has it).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status === 503 && isDatabaseUnavailable(exception)) {
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      this.logger.warn(
        `database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
    } else if (problem.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (problem.status === 503 && !response.hasHeader('Retry-After'))
      response.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    if (problem.status === 401) response.setHeader('WWW-Authenticate', challengeOf(exception));
    response
      .status(problem.status)
      .type('application/problem+json')
      .json({ ...problem, instance: request.originalUrl });
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const status = STATUS_OF[exception.kind];
      return {
        type: `https://brukermedvirkning.no/problems/${exception.kind}`,
        title: titleOf(status),
        status,
        detail: exception.message,
        ...(exception instanceof ValidationFailed ? { errors: exception.errors } : {}),
        ...(exception instanceof RuleViolation ? { ...exception.members, rule: exception.rule } : {}),
        ...(exception instanceof Conflict ? exception.members : {}),
      };
    }
    const bodyError = bodyParserProblem(exception);
    if (bodyError) return bodyError;
    if (isDatabaseUnavailable(exception))
      return {
        type: 'about:blank',
        title: titleOf(503),
        status: 503,
        detail: `The database cannot be reached right now; retry in ${DATABASE_RETRY_AFTER_SECONDS} s`,
      };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail =
        typeof message === 'string'
          ? message
          : Array.isArray(message)
            ? message.join('; ')
            : exception.message;
      return { type: 'about:blank', title: titleOf(status), status, detail };
    }
    return {
      type: 'about:blank',
      title: titleOf(500),
      status: 500,
      detail: 'An unexpected error occurred; it has been logged.',
    };
  }
}

/** Express's body parser reports malformed and oversized bodies as errors with a `type`. */
function bodyParserProblem(exception: unknown): ProblemDetails | undefined {
  const type = (exception as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed')
    return {
      type: 'about:blank',
      title: titleOf(400),
      status: 400,
      detail: 'The request body is not valid JSON',
      errors: [{ field: 'body', message: 'must be valid JSON' }],
    };
  if (type === 'entity.too.large')
    return {
      type: 'about:blank',
      title: titleOf(413),
      status: 413,
      detail: 'The request body is larger than the 1 MiB limit',
    };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return {
      type: 'about:blank',
      title: titleOf(415),
      status: 415,
      detail: 'The request body must be UTF-8 JSON',
    };
  return undefined;
}

function titleOf(status: number): string {
  return (HttpStatus[status] ?? 'Error')
    .toString()
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/^\w/, (c) => c.toUpperCase());
}
