import { compareDates, type CalendarDate } from '../common/calendar-date';
import { guidelineInForce } from './guideline-in-force';
import type { Guideline } from './guideline.types';

/** A version of one region with the log position it was published at (null: shipped with the product). */
export interface VersionAtPosition {
  guideline: Guideline;
  position: number | null;
}

export type GuidelineForDay =
  { guideline: Guideline } | { guideline: null; firstEffectiveFrom: CalendarDate | null };

/**
 * The version that prices an involvement on `date`, last logged or corrected
 * at log position `changedAt`. Normally the one in force among the versions
 * published before that change, so a later publication never changes a past
 * calculation. When none of those covered the day, the versions as they stood
 * right after the first publication that did: the involvement becomes priced
 * then, and later publications leave it so. When no version covers the day
 * at all: none, with the region's earliest effective date (null: the region
 * has no version).
 */
export function guidelineForDay(
  versions: readonly VersionAtPosition[],
  date: CalendarDate,
  changedAt: number,
): GuidelineForDay {
  const publishedBefore = (limit: number) =>
    versions.filter((v) => v.position === null || v.position < limit).map((v) => v.guideline);
  const known = guidelineInForce(publishedBefore(changedAt), date);
  if (known) return { guideline: known };
  const firstCovering = versions
    .filter((v) => compareDates(v.guideline.effectiveFrom, date) <= 0)
    .map((v) => v.position ?? Number.NEGATIVE_INFINITY)
    .sort((a, b) => a - b)[0];
  if (firstCovering !== undefined) {
    const later = guidelineInForce(publishedBefore(firstCovering + 1), date);
    if (later) return { guideline: later };
  }
  const firstEffectiveFrom = versions.map((v) => v.guideline.effectiveFrom).sort(compareDates)[0] ?? null;
  return { guideline: null, firstEffectiveFrom };
}
