import { sumOre } from './money';
import { boundInKroner, PRICING_BOUNDS } from './money-bounds';

describe('sumOre: exact or refused, never rounded (issue 12, item 4)', () => {
  it('adds whole øre', () => {
    expect(sumOre([114400, -29400, 0])).toBe(85000);
  });

  it('refuses a sum that leaves the safe integers instead of rounding it', () => {
    expect(() => sumOre([Number.MAX_SAFE_INTEGER, 45000])).toThrow(RangeError);
    expect(() => sumOre([Number.MAX_SAFE_INTEGER, 1, -1])).toThrow(RangeError);
  });

  it('any sum of a million lines within the batch bound stays exact', () => {
    expect(1_000_000 * PRICING_BOUNDS.batchOre).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('states bounds in kroner', () => {
    expect(boundInKroner(PRICING_BOUNDS.receiptOre)).toBe('100 000 kr');
    expect(boundInKroner(PRICING_BOUNDS.batchOre)).toBe('50 000 000 kr');
  });
});
