import { Ore, assertOre } from '@app/shared-kernel';

/**
 * `numerator / denominator` rounded half up, for non-negative integers. The one
 * place a fraction of an øre can arise (minutes × hourly rate / 60), so the
 * rounding rule lives here and only here.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new RangeError(`numerator must be a whole number ≥ 0, got ${numerator}`);
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`denominator must be a whole number > 0, got ${denominator}`);
  }
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return 2 * remainder >= denominator ? quotient + 1 : quotient;
}

/** Pay for whole minutes at an hourly rate in øre; half an øre rounds up. */
export function payForMinutes(minutes: number, ratePerHourOre: Ore): Ore {
  return assertOre(divideRoundHalfUp(minutes * ratePerHourOre, 60), 'pay for minutes');
}

/** Whole units × a rate in øre, refusing anything that would leave the safe integers. */
export function multiplyOre(quantity: number, rateOre: Ore): Ore {
  return assertOre(quantity * rateOre, 'quantity × rate');
}
