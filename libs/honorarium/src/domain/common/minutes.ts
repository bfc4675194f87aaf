/**
 * Time enters as decimal hours (2.67) and is turned into whole minutes once,
 * here, with `Math.round(hours * 60)`: 2.67 h → 160.2 → 160 min (2 h 40 min),
 * 1.17 h → 70.2 → 70 min. Every later step is integer arithmetic on minutes.
 * Half a minute rounds up (Math.round), which only matters for inputs with
 * more precision than any timesheet has.
 */
export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}

/**
 * How a guideline rounds time before paying it.
 * - `nearest`: to the nearest step; exactly half a step rounds up
 *   (nearest half hour: 2 h 15 min → 2 h 30 min, 2 h 14 min → 2 h).
 * - `each-started`: every started step counts in full
 *   (each started half hour: 2 h 1 min → 2 h 30 min).
 */
export interface Rounding {
  mode: 'nearest' | 'each-started';
  stepMinutes: number;
}

export const ROUNDING_MODES = ['nearest', 'each-started'] as const;

export function roundMinutes(minutes: number, rounding: Rounding): number {
  const step = rounding.stepMinutes;
  const whole = Math.floor(minutes / step);
  const rest = minutes - whole * step;
  if (rest === 0) return minutes;
  if (rounding.mode === 'each-started') return (whole + 1) * step;
  return 2 * rest >= step ? (whole + 1) * step : whole * step;
}

/** "2 h 40 min", for explanations a person reads. */
export function formatMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function describeRounding(rounding: Rounding): string {
  const step = rounding.stepMinutes === 30 ? 'half hour' : `${rounding.stepMinutes} min`;
  return rounding.mode === 'nearest' ? `rounded to the nearest ${step}` : `each started ${step} counts`;
}

/** Hours as a number for a line's quantity; exact for the half-hour steps guidelines use. */
export function minutesAsHours(minutes: number): number {
  return minutes / 60;
}
