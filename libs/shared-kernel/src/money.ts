/** An amount in øre (1/100 NOK). Always an integer; never a float of kroner. */
export type Ore = number;

export function isOre(value: unknown): value is Ore {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertOre(value: number, what = 'amount'): Ore {
  if (!isOre(value)) throw new RangeError(`${what} must be a whole number of øre, got ${String(value)}`);
  return value;
}

/**
 * The exact sum, or a RangeError: a partial sum that leaves the safe integers
 * is detected at once (two safe integers never add up to a safe-looking wrong
 * value), so a total is never silently rounded.
 */
export function sumOre(amounts: readonly Ore[]): Ore {
  let sum = 0;
  for (const a of amounts) sum = assertOre(sum + assertOre(a), 'sum');
  return sum;
}

/** "1234.50 NOK"-style text for explanations and exports; integer arithmetic only. */
export function formatNok(amount: Ore): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(assertOre(amount));
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
