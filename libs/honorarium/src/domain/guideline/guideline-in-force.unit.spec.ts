import { RuleViolation } from '@app/shared-kernel';
import { HELSE_MIDT_NORGE_2016_01_01 as MIDT } from '../../guidelines/helse-midt-norge.guideline';
import { HELSE_BERGEN_NEURO_SYSMED_2025_05_06 as BERGEN } from '../../guidelines/helse-bergen-neuro-sysmed.guideline';
import { stateTravelRatesOn, taxFreeMileageRateOn } from '../travel-rates/travel-rates.lookup';
import { guidelineInForce } from './guideline-in-force';
import { Guideline } from './guideline.types';

const MIDT_2025: Guideline = { ...MIDT, version: '2025-01-01', effectiveFrom: '2025-01-01' };

describe('guidelineInForce: the latest version whose effectiveFrom is on or before the day', () => {
  it.each([
    ['2015-12-31', null],
    ['2016-01-01', '2016-01-01'],
    ['2024-12-31', '2016-01-01'],
    ['2025-01-01', '2025-01-01'],
    ['2030-06-01', '2025-01-01'],
  ])('on %s: %p', (date, version) => {
    expect(guidelineInForce([MIDT_2025, MIDT], date)?.version ?? null).toBe(version);
    expect(guidelineInForce([MIDT, MIDT_2025], date)?.version ?? null).toBe(version);
  });

  it('refuses two versions taking effect the same day', () => {
    expect(() => guidelineInForce([MIDT, { ...MIDT }], '2020-01-01')).toThrow(RuleViolation);
  });

  it('refuses versions of different regions', () => {
    expect(() => guidelineInForce([MIDT, BERGEN], '2025-06-01')).toThrow(/one region/);
  });

  it('has nothing in force for an empty list', () => {
    expect(guidelineInForce([], '2025-06-01')).toBeNull();
  });
});

describe('state rate tables in force on a day', () => {
  it.each([
    ['2023-12-31', null, null],
    ['2024-01-01', 490, 36900],
    ['2024-12-31', 490, 36900],
    ['2025-01-01', 500, 38400],
    ['2025-12-31', 500, 38400],
    ['2026-01-01', 530, null],
  ])('on %s: %p øre/km, 6–12 h meals %p øre', (date, perKm, meals) => {
    const rates = stateTravelRatesOn(date);
    expect(rates?.mileage.perKmOre ?? null).toBe(perKm);
    expect(rates?.meals?.sixToTwelveHoursOre ?? null).toBe(meals);
  });

  it('keeps the tax-free 3.50/km in force from 2024 until a newer rate is entered', () => {
    expect(taxFreeMileageRateOn('2023-12-31')).toBeNull();
    expect(taxFreeMileageRateOn('2025-03-10')?.perKmOre).toBe(350);
    expect(taxFreeMileageRateOn('2026-06-01')?.perKmOre).toBe(350);
  });
});
