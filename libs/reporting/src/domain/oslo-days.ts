const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 3_600_000;
/** From 1895 Norway's offset from UTC is whole hours (CET, CEST), so its day is the same all through a UTC hour. */
const WHOLE_HOUR_OFFSETS_FROM = Date.UTC(1895, 0, 1);
/** The day in Norway of each UTC hour asked for: formatting is what the annual report's classification spent most on. */
const dayOfHour = new Map<number, string>();
const REMEMBERED_HOURS = 100_000;

/** The calendar day in Norway of an instant, YYYY-MM-DD: involvement days are Norwegian days. */
export function osloDate(instant: string | Date): string {
  const ms = typeof instant === 'string' ? new Date(instant).getTime() : instant.getTime();
  if (!(ms >= WHOLE_HOUR_OFFSETS_FROM)) return OSLO_DATE.format(ms);
  const hour = Math.floor(ms / HOUR_MS);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    if (dayOfHour.size >= REMEMBERED_HOURS) dayOfHour.clear();
    day = OSLO_DATE.format(hour * HOUR_MS);
    dayOfHour.set(hour, day);
  }
  return day;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
