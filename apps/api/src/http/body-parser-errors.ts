import type { NextFunction, Request, Response } from 'express';

/**
 * Nest turns body-parser's SyntaxError (malformed JSON) into a bare
 * BadRequestException, dropping the `type` the problem filter reads. Passing
 * a plain Error with the same `type` on keeps the filter's answer: 400 with
 * `errors: [{field: "body"}]` (413 and 415 keep theirs too).
 */
export function keepBodyParserErrorType(
  error: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(error instanceof Error)) return next(error);
  next(Object.assign(new Error(error.message), { type, status: (error as { status?: unknown }).status }));
}
