import { Guideline } from '../domain/guideline/guideline.types';
import { HELSE_BERGEN_NEURO_SYSMED_2025_05_06 } from './helse-bergen-neuro-sysmed.guideline';
import { HELSE_BERGEN_NEURO_SYSMED_2026_12_01 } from './helse-bergen-neuro-sysmed-2026-12-01.guideline';
import { HELSE_MIDT_NORGE_2016_01_01 } from './helse-midt-norge.guideline';
import { HELSE_MIDT_NORGE_2026_12_01 } from './helse-midt-norge-2026-12-01.guideline';

/**
 * Every guideline version the product ships; admins publish later versions as
 * events. A shipped version is immutable: every calculated line names its
 * region and version, so a change of rules is a new version from the day it
 * is adopted, never an edit (docs/adr/0025).
 */
export const SHIPPED_GUIDELINES: readonly Guideline[] = [
  HELSE_BERGEN_NEURO_SYSMED_2025_05_06,
  HELSE_BERGEN_NEURO_SYSMED_2026_12_01,
  HELSE_MIDT_NORGE_2016_01_01,
  HELSE_MIDT_NORGE_2026_12_01,
];

/** The shipped versions of one region, oldest first. */
export function shippedVersionsOf(region: string): Guideline[] {
  return SHIPPED_GUIDELINES.filter((g) => g.region === region).sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : 1,
  );
}
