import type { Clock } from '@app/shared-kernel';

const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Norway, `YYYY-MM-DD`: what "not in the future" means for an involvement. */
export function todayInOslo(clock: Clock): string {
  return OSLO_DATE.format(clock.now());
}
