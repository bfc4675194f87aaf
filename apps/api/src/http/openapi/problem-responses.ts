import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ProblemDetailsSchema } from './problem-details.schema';

/** The error statuses this API answers, each with what it means (docs/api.md, Conventions). */
export const PROBLEM_STATUSES = {
  400: 'Malformed or invalid input: a parameter, header or body field breaks its rule; `errors` names each field',
  401: 'No bearer token, or one that is malformed, expired or not signed by a trusted key',
  403: 'The caller lacks the role, or is not a lead of this project',
  404: 'No such resource (the id is unknown)',
  409: 'A business conflict with the current state, or a request with the same Idempotency-Key still running (Retry-After)',
  412: 'If-Match names a version other than the current one',
  413: 'The request body is larger than 1 MiB',
  415: 'The request body is not UTF-8 JSON',
  422: 'A rule of the domain refuses it (`rule` names it), or the Idempotency-Key was used with another body',
  428: 'If-Match is required here and was not sent (or was *): send the ETag of the last read',
  429: 'Too many requests from this caller; retry after Retry-After seconds',
  503: 'Busy or a dependency (the database) is unavailable; retry after Retry-After seconds',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_STATUSES;

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

/** The response object of one error status: problem+json with the shared schema. */
export function problemResponse(status: ProblemStatus, description?: string): ResponseObject {
  return {
    description: description ?? PROBLEM_STATUSES[status],
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
    ...(status === 429 || status === 503 || status === 409 ? { headers: RETRY_AFTER } : {}),
  };
}

/**
 * Documents error statuses an operation can answer, all as
 * application/problem+json. 401/403 (from @Roles) and 429/503 (every
 * operation) are added to the whole document by documentProblems().
 */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })));
}

/**
 * A command (POST): accepts Idempotency-Key, and can answer 400 (invalid
 * body or key), 409 (same key still running), 413, 415 and 422 (a domain
 * rule, or the key reused with another body), plus the statuses given.
 */
export function ApiCommand(...more: ProblemStatus[]): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A repeat with the same key and body returns the first response and appends nothing; same key, other body: 422',
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description:
        'Ties the events this command appends to a request of the caller’s own (recorded in their metadata)',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    }),
    ApiProblems(400, 409, 413, 415, 422, ...more),
  );
}

/**
 * A command on an existing aggregate: `If-Match: "<version>"`, 412 when it is
 * not the current one. Optional by default; `{ required: true }` answers 428
 * without it (changes of a person's data: apps/api/src/http/preconditions).
 */
export function ApiIfMatch({ required = false }: { required?: boolean } = {}): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required,
      description: required
        ? 'Required: the version the change is based on, as the ETag of a GET gave it: "3" (428 without it)'
        : 'The version the change is based on, as the ETag of a GET gave it: "3"',
      schema: required
        ? { type: 'string', pattern: '^(W/)?"\\d{1,15}"$|^\\d{1,15}$' }
        : { type: 'string', pattern: '^(W/)?"\\d{1,15}"$|^\\d{1,15}$|^\\*$' },
    }),
    ApiProblems(412, ...(required ? [428 as const] : [])),
  );
}
