import { validateGuideline } from '../domain/guideline/guideline.validator';
import { guidelineInForce } from '../domain/guideline/guideline-in-force';
import { SHIPPED_GUIDELINES, shippedVersionsOf } from './shipped-guidelines';
import { STATE_TRAVEL_RATES, TAX_FREE_MILEAGE_RATES } from './state-travel-rates.data';

const URL = /^https?:\/\/\S+$/;

/** The versions that pay by form (docs/adr/0025): today's format, as a publication must be. */
const PAYING_BY_FORM = SHIPPED_GUIDELINES.filter((g) => g.version === '2026-12-01');
/** The versions shipped before forms were named: immutable history, read as paying every form. */
const BEFORE_FORMS = SHIPPED_GUIDELINES.filter((g) => g.version !== '2026-12-01');

describe('shipped guideline data', () => {
  it.each(PAYING_BY_FORM.map((g) => [`${g.region} ${g.version}`, g] as const))(
    '%s passes the validator unchanged',
    (_name, guideline) => {
      expect(validateGuideline(JSON.parse(JSON.stringify(guideline)))).toEqual(guideline);
    },
  );

  it.each(BEFORE_FORMS.map((g) => [`${g.region} ${g.version}`, g] as const))(
    '%s predates forms: its pay rule names none, so it pays every form as it always did',
    (_name, guideline) => {
      const payRules = guideline.rules.filter((r) => r.kind.startsWith('meeting-'));
      expect(payRules).toHaveLength(1);
      expect(payRules[0]).not.toHaveProperty('forms');
      expect(guideline.rules.some((r) => r.kind === 'not-attended-expenses')).toBe(false);
    },
  );

  it('ships the two regions of the API contract: the sourced versions, and from 2026-12-01 paying by form', () => {
    expect(SHIPPED_GUIDELINES.map((g) => [g.region, g.version, g.label])).toEqual([
      ['helse-bergen-neuro-sysmed', '2025-05-06', 'sourced'],
      ['helse-bergen-neuro-sysmed', '2026-12-01', 'sourced'],
      ['helse-midt-norge', '2016-01-01', 'illustrative'],
      ['helse-midt-norge', '2026-12-01', 'illustrative'],
    ]);
  });

  it('finds the version in force through guidelineInForce: the old one before 2026-12-01, the new one from then', () => {
    const bergen = shippedVersionsOf('helse-bergen-neuro-sysmed');
    const midt = shippedVersionsOf('helse-midt-norge');
    expect(guidelineInForce(bergen, '2025-05-05')).toBeNull();
    expect(guidelineInForce(bergen, '2025-05-06')?.version).toBe('2025-05-06');
    expect(guidelineInForce(bergen, '2026-11-30')?.version).toBe('2025-05-06');
    expect(guidelineInForce(bergen, '2026-12-01')?.version).toBe('2026-12-01');
    expect(guidelineInForce(midt, '2025-03-10')?.version).toBe('2016-01-01');
    expect(guidelineInForce(midt, '2026-11-30')?.version).toBe('2016-01-01');
    expect(guidelineInForce(midt, '2026-12-01')?.version).toBe('2026-12-01');
    expect(guidelineInForce(midt, '2027-06-30')?.version).toBe('2026-12-01');
  });

  it('keeps the new versions’ rates: only what is paid for which form, absence and cancellation changed', () => {
    for (const region of ['helse-bergen-neuro-sysmed', 'helse-midt-norge']) {
      const [old, revised] = shippedVersionsOf(region);
      const withoutScope = (rules: readonly object[]) =>
        rules
          .filter((r) => !('kind' in r && r.kind === 'not-attended-expenses'))
          .filter((r) => !('kind' in r && r.kind === 'not-payable'))
          .map((r) => {
            const { forms: _forms, note: _note, ...rest } = r as { forms?: unknown; note?: unknown };
            return rest;
          });
      expect(withoutScope(revised.rules)).toEqual(withoutScope(old.rules));
    }
  });

  it('is frozen, so no caller can change another calculation’s rates', () => {
    const midt = shippedVersionsOf('helse-midt-norge')[0];
    expect(Object.isFrozen(midt.rules[0])).toBe(true);
    expect(() => {
      (STATE_TRAVEL_RATES[1].mileage as { perKmOre: number }).perKmOre = 1;
    }).toThrow(TypeError);
  });
});

describe('state travel rate tables', () => {
  it('give every figure in whole øre with a source address', () => {
    for (const table of STATE_TRAVEL_RATES) {
      expect(Number.isSafeInteger(table.mileage.perKmOre)).toBe(true);
      expect(table.mileage.source).toMatch(URL);
      if (table.meals) {
        const { source, note: _note, ...rates } = table.meals;
        expect(source).toMatch(URL);
        for (const ore of Object.values(rates)) expect(Number.isSafeInteger(ore)).toBe(true);
      }
    }
    for (const rate of TAX_FREE_MILEAGE_RATES) expect(rate.source).toMatch(URL);
  });

  it('hold the sourced figures by year, and no guessed 2026 meal rates', () => {
    expect(
      STATE_TRAVEL_RATES.map((t) => [
        t.effectiveFrom,
        t.mileage.perKmOre,
        t.meals && [
          t.meals.sixToTwelveHoursOre,
          t.meals.overTwelveHoursOre,
          t.meals.overTwelveHoursOvernightOre,
        ],
      ]),
    ).toEqual([
      ['2024-01-01', 490, [36900, 68600, 94000]],
      ['2025-01-01', 500, [38400, 71300, 97700]],
      ['2026-01-01', 530, null],
    ]);
    expect(TAX_FREE_MILEAGE_RATES.map((t) => [t.effectiveFrom, t.perKmOre])).toEqual([['2024-01-01', 350]]);
  });
});
