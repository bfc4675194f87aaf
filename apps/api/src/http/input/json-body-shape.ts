import type { NextFunction, Request, Response } from 'express';
import { ValidationFailed, type FieldError } from '@app/shared-kernel';
import { joinPath } from '../validation/field-errors';

/**
 * How deep a JSON body may nest. The deepest body the API accepts (a
 * guideline version's rule parts) is under ten levels; validation, the
 * canonical JSON of an event and the idempotency hash all recurse, so a deeper
 * body is refused before any of them sees it.
 */
export const MAX_JSON_DEPTH = 32;
const MAX_ERRORS = 20;

type Node = { value: unknown; depth: number; parent: Node | null; key: string | number | null };

/**
 * Right after the JSON body parser (V8's JSON.parse does not recurse, so a
 * body 100 000 levels deep parses), one iterative pass over the parsed body,
 * linear in its size and without recursion: nesting beyond MAX_JSON_DEPTH is
 * 400 naming the rule, and so is text PostgreSQL cannot store (U+0000 in
 * text or jsonb) or cannot store unchanged (an unpaired UTF-16 surrogate),
 * in a value or a key, naming the field.
 */
export function refuseUnstorableJson(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return next();
  next(problemsOf(body));
}

function problemsOf(body: object): ValidationFailed | undefined {
  const errors: FieldError[] = [];
  const stack: Node[] = [{ value: body, depth: 1, parent: null, key: null }];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) errors.push({ field: pathOf(node), message: problem });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (node.depth > MAX_JSON_DEPTH)
      return new ValidationFailed([
        {
          field: 'body',
          message: `must not nest objects and arrays more than ${MAX_JSON_DEPTH} levels deep`,
        },
      ]);
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const childNode = { value: child, depth: node.depth + 1, parent: node, key };
      const keyProblem = typeof key === 'string' ? textProblem(key) : null;
      if (keyProblem) errors.push({ field: pathOf(childNode), message: `(the key) ${keyProblem}` });
      stack.push(childNode);
    }
  }
  return errors.length > 0 ? new ValidationFailed(errors) : undefined;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return null;
}

function pathOf(node: Node): string {
  const keys: Array<string | number> = [];
  for (let n: Node | null = node; n && n.key !== null; n = n.parent) keys.push(n.key);
  return (
    keys.reverse().reduce<string>((path, key) => joinPath(path, String(key).slice(0, 100)), '') || 'body'
  );
}
