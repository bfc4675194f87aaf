const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Norway of an instant, YYYY-MM-DD: involvement days are Norwegian days. */
export function osloDate(instant: string | Date): string {
  return OSLO_DATE.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
