import { ValidationFailed, type FieldError } from '@app/shared-kernel';

export interface HistoryFilter {
  stream?: string;
  type?: string;
  actor?: string;
  /** Recorded at or after this instant. */
  from?: Date;
  /** Recorded at or before this instant. */
  to?: Date;
  /** Only events after this global position. */
  after: number;
  limit: number;
}

export type RawHistoryQuery = Partial<
  Record<'stream' | 'type' | 'actor' | 'from' | 'to' | 'after' | 'limit', unknown>
>;

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Query-string values to a filter, or 400 naming every bad field. */
export function parseHistoryFilter(query: RawHistoryQuery): HistoryFilter {
  const errors: FieldError[] = [];
  const text = (field: 'stream' | 'type' | 'actor'): string | undefined => {
    const value = query[field];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || value.length > 500) {
      errors.push({ field, message: 'must be a single value of at most 500 characters' });
      return undefined;
    }
    return value;
  };
  const instant = (field: 'from' | 'to'): Date | undefined => {
    const value = query[field];
    if (value === undefined || value === '') return undefined;
    const date = typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : undefined;
    if (date === undefined || Number.isNaN(date.getTime())) {
      errors.push({ field, message: 'must be an ISO 8601 date or instant, e.g. 2025-06-02T09:00:00Z' });
      return undefined;
    }
    return date;
  };
  const filter: HistoryFilter = {
    stream: text('stream'),
    type: text('type'),
    actor: text('actor'),
    from: instant('from'),
    to: instant('to'),
    after: parseAfter(query.after, errors),
    limit: parseLimitValue(query.limit, errors),
  };
  if (filter.from && filter.to && filter.from > filter.to)
    errors.push({ field: 'to', message: 'must not be before from' });
  if (errors.length > 0) throw new ValidationFailed(errors);
  return filter;
}

/** A position or id cursor: a non-negative integer (0 = from the start). */
export function parseAfter(value: unknown, errors: FieldError[], field = 'after'): number {
  if (value === undefined || value === '') return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) {
    errors.push({ field, message: 'must be a non-negative integer (a position from an earlier page)' });
    return 0;
  }
  return Number(value);
}

export function parseLimitValue(value: unknown, errors: FieldError[]): number {
  if (value === undefined || value === '') return DEFAULT_LIMIT;
  if (
    typeof value !== 'string' ||
    !/^\d{1,4}$/.test(value) ||
    Number(value) < 1 ||
    Number(value) > MAX_LIMIT
  ) {
    errors.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_LIMIT}` });
    return DEFAULT_LIMIT;
  }
  return Number(value);
}

/** Just paging (after, limit), for lists without other filters. */
export function parsePaging(query: { after?: unknown; limit?: unknown }): { after: number; limit: number } {
  const errors: FieldError[] = [];
  const paging = { after: parseAfter(query.after, errors), limit: parseLimitValue(query.limit, errors) };
  if (errors.length > 0) throw new ValidationFailed(errors);
  return paging;
}
