import { validateGuideline } from '../domain/guideline/guideline.validator';
import { guidelineInForce } from '../domain/guideline/guideline-in-force';
import { SHIPPED_GUIDELINES, shippedVersionsOf } from './shipped-guidelines';
import { STATE_TRAVEL_RATES, TAX_FREE_MILEAGE_RATES } from './state-travel-rates.data';

const URL = /^https?:\/\/\S+$/;

describe('shipped guideline data', () => {
  it.each(SHIPPED_GUIDELINES.map((g) => [`${g.region} ${g.version}`, g] as const))(
    '%s passes the validator unchanged',
    (_name, guideline) => {
      expect(validateGuideline(JSON.parse(JSON.stringify(guideline)))).toEqual(guideline);
    },
  );

  it('ships the two regions of the API contract, at the sourced versions', () => {
    expect(SHIPPED_GUIDELINES.map((g) => [g.region, g.version, g.label])).toEqual([
      ['helse-bergen-neuro-sysmed', '2025-05-06', 'sourced'],
      ['helse-midt-norge', '2016-01-01', 'illustrative'],
    ]);
  });

  it('finds the version in force through guidelineInForce', () => {
    expect(guidelineInForce(shippedVersionsOf('helse-bergen-neuro-sysmed'), '2025-05-05')).toBeNull();
    expect(guidelineInForce(shippedVersionsOf('helse-bergen-neuro-sysmed'), '2025-05-06')?.version).toBe(
      '2025-05-06',
    );
    expect(guidelineInForce(shippedVersionsOf('helse-midt-norge'), '2025-03-10')?.version).toBe('2016-01-01');
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
