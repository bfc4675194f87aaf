import { ValidationFailed } from '@app/shared-kernel';

/** `?asOf=<ISO 8601 instant>`; anything else is a 400 naming the parameter. */
export function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(instant.getTime()))
    throw new ValidationFailed([
      { field: 'asOf', message: 'must be an ISO 8601 instant, e.g. 2025-03-10T12:00:00Z' },
    ]);
  return instant;
}
