import { ValidationFailed, type FieldError } from '@app/shared-kernel';

/** Lines per page of GET /v1/payout-batches/{id} unless `limit` says otherwise, and the most one page holds. */
export const DEFAULT_LINE_LIMIT = 1000;
export const MAX_LINE_LIMIT = 5000;

export interface LinePaging {
  limit: number;
  /** The lineId of the last line of the previous page, or null for the first page. */
  after: string | null;
}

/** `?limit&after` of a batch read; 400 naming the field when either breaks its rule. */
export function parseLinePaging(query: { limit?: unknown; after?: unknown }): LinePaging {
  const errors: FieldError[] = [];
  let limit = DEFAULT_LINE_LIMIT;
  if (query.limit !== undefined) {
    if (typeof query.limit !== 'string' || !/^\d{1,4}$/.test(query.limit) || !inRange(Number(query.limit)))
      errors.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_LINE_LIMIT}` });
    else limit = Number(query.limit);
  }
  let after: string | null = null;
  if (query.after !== undefined) {
    if (typeof query.after !== 'string' || !/^[\w-]{1,100}$/.test(query.after))
      errors.push({ field: 'after', message: 'must be the lineId of the last line of the previous page' });
    else after = query.after;
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return { limit, after };
}

const inRange = (n: number) => n >= 1 && n <= MAX_LINE_LIMIT;
