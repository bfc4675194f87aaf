/** An amount in øre (1/100 NOK). Always an integer; never a float of kroner. */
export type Ore = number;

export function isOre(value: unknown): value is Ore {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertOre(value: number, what = 'amount'): Ore {
  if (!isOre(value)) throw new RangeError(`${what} must be a whole number of øre, got ${String(value)}`);
  return value;
}

export function sumOre(amounts: readonly Ore[]): Ore {
  return amounts.reduce((sum, a) => sum + assertOre(a), 0);
}

/** "1234.50 NOK"-style text for explanations and exports; integer arithmetic only. */
export function formatNok(amount: Ore): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(assertOre(amount));
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
