import { IsoDate, IsoInstant } from './message';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` form (2025-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An instant with an explicit offset: without one, the same text would mean
 * different moments on different servers.
 */
export function isIsoInstant(value: unknown): value is IsoInstant {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Dates in `YYYY-MM-DD` form order as strings do. */
export function isAfterDate(a: IsoDate, b: IsoDate): boolean {
  return a > b;
}

export function isAfterInstant(a: IsoInstant, b: IsoInstant): boolean {
  return Date.parse(a) > Date.parse(b);
}
