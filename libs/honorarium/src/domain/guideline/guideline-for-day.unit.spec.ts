import { HELSE_BERGEN_NEURO_SYSMED_2025_05_06 as BERGEN } from '../../guidelines/helse-bergen-neuro-sysmed.guideline';
import { guidelineForDay } from './guideline-for-day';
import type { Guideline } from './guideline.types';

const dated = (effectiveFrom: string): Guideline => ({ ...BERGEN, version: effectiveFrom, effectiveFrom });
const shipped = { guideline: BERGEN, position: null };
const versionOf = (g: Guideline) => g?.version ?? null;

describe('guidelineForDay: the version that prices an involvement, or why there is none', () => {
  it('a day before the region’s first version: none, with the first effective date', () => {
    expect(guidelineForDay([shipped], '2025-03-10', 100)).toEqual({
      guideline: null,
      firstEffectiveFrom: '2025-05-06',
    });
  });

  it('a region without any version: none, first effective date null', () => {
    expect(guidelineForDay([], '2025-03-10', 100)).toEqual({ guideline: null, firstEffectiveFrom: null });
  });

  it('known when the involvement was last changed: that version, whatever is published later', () => {
    const later = { guideline: dated('2025-05-01'), position: 200 };
    const day = guidelineForDay([shipped, later], '2025-06-01', 100);
    expect(versionOf(day.guideline as Guideline)).toBe('2025-05-06');
  });

  it('none known then: the catalogue right after the first publication covering the day, kept after that', () => {
    const january = { guideline: dated('2025-01-01'), position: 200 };
    const february = { guideline: dated('2025-02-01'), position: 300 };
    expect(versionOf(guidelineForDay([shipped, january], '2025-03-10', 100).guideline as Guideline)).toBe(
      '2025-01-01',
    );
    // A version published later, also covering the day, does not re-price it.
    expect(
      versionOf(guidelineForDay([shipped, january, february], '2025-03-10', 100).guideline as Guideline),
    ).toBe('2025-01-01');
    // A publication that still does not cover the day changes nothing but the first effective date.
    expect(
      guidelineForDay([shipped, { guideline: dated('2025-04-01'), position: 200 }], '2025-03-10', 100),
    ).toEqual({ guideline: null, firstEffectiveFrom: '2025-04-01' });
  });
});
