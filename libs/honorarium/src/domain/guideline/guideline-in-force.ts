import { RuleViolation } from '@app/shared-kernel';
import { CalendarDate, compareDates } from '../common/calendar-date';
import { Guideline } from './guideline.types';

/**
 * The entry in force on `date`: the one whose `effectiveFrom` is the latest on
 * or before it, or `null` when every entry starts later. Two entries starting
 * the same day would make the answer depend on list order, so they are refused.
 */
export function inForceOn<T extends { effectiveFrom: CalendarDate }>(
  entries: readonly T[],
  date: CalendarDate,
): T | null {
  const seen = new Set<CalendarDate>();
  let best: T | null = null;
  for (const entry of entries) {
    if (seen.has(entry.effectiveFrom)) {
      throw new RuleViolation(
        'ambiguous-effective-date',
        `Two entries take effect on ${entry.effectiveFrom}`,
      );
    }
    seen.add(entry.effectiveFrom);
    const applies = compareDates(entry.effectiveFrom, date) <= 0;
    if (applies && (best === null || compareDates(entry.effectiveFrom, best.effectiveFrom) > 0)) best = entry;
  }
  return best;
}

/**
 * The version of one region's guideline in force on `date` (the involvement's
 * day), or `null` when the region had no guideline yet. Mixing regions is a
 * caller's bug, refused rather than answered.
 */
export function guidelineInForce(versions: readonly Guideline[], date: CalendarDate): Guideline | null {
  const regions = new Set(versions.map((v) => v.region));
  if (regions.size > 1) {
    throw new RuleViolation(
      'mixed-guideline-regions',
      `Versions of one region expected, got ${[...regions].join(', ')}`,
    );
  }
  return inForceOn(versions, date);
}
