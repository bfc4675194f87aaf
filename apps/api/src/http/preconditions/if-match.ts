import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PreconditionRequired, ValidationFailed } from '@app/shared-kernel';

// An aggregate version: `"3"`, weak `W/"3"`, or a bare 3 from lenient clients.
const VERSION_TAG = /^(?:W\/)?"(0|[1-9]\d*)"$|^(0|[1-9]\d*)$/;

/**
 * The version an `If-Match` header expects: undefined when absent or `*`
 * (any current version), 400 naming the header when it is not one version.
 * The comparison is the command handler's (PreconditionFailed → 412).
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '' || value === '*') return undefined;
  const match = VERSION_TAG.exec(value);
  const version = match ? Number(match[1] ?? match[2]) : Number.NaN;
  if (!Number.isSafeInteger(version))
    throw new ValidationFailed([
      {
        field: 'If-Match',
        message: 'must be one version as an entity tag, e.g. "3" (the ETag of the last read)',
      },
    ]);
  return version;
}

/** `@IfMatch() expected: number | undefined`: the parsed If-Match header. */
export const IfMatch = createParamDecorator((_data: unknown, ctx: ExecutionContext): number | undefined =>
  parseIfMatch(ctx.switchToHttp().getRequest<Request>().header('if-match')),
);

/**
 * The version a change that must be conditional is based on: 428 when If-Match
 * is absent or `*` (which would match whatever is there now, the lost update
 * this header exists to prevent), 400 when malformed.
 */
export function parseRequiredIfMatch(header: string | undefined): number {
  const version = parseIfMatch(header);
  if (version === undefined) throw new PreconditionRequired('This change');
  return version;
}

/** `@RequiredIfMatch() expected: number`: as IfMatch, but answers 428 without one. */
export const RequiredIfMatch = createParamDecorator((_data: unknown, ctx: ExecutionContext): number =>
  parseRequiredIfMatch(ctx.switchToHttp().getRequest<Request>().header('if-match')),
);

/** The strong entity tag of an aggregate version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Sets `ETag: "<version>"`; use with `@Res({ passthrough: true })`. */
export function setETag(response: Response, version: number): void {
  response.setHeader('ETag', etagOf(version));
}
