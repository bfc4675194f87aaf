import type { Ore } from './money';

/**
 * Upper bounds on every amount and every quantity the honorarium calculator
 * prices, in one place: the participation context refuses input beyond them
 * when it is written (400 naming the field and the bound), and the calculator
 * refuses to price a stored record beyond them (reported as unpriced). They
 * are far above anything real and far below Number.MAX_SAFE_INTEGER
 * (9 007 199 254 740 991 øre), so every sum of bounded amounts the product
 * makes is an exact integer by construction (see ADR 0015).
 */
export const PRICING_BOUNDS = {
  /** Hours of each kind (meeting, preparation, travel) on one involvement. */
  hoursPerKind: 24,
  /** Own car, one mileage claim: 100 000 km. */
  kmPerClaim: 100_000,
  /** A meals claim covers one trip of at most 24 hours. */
  tripHours: 24,
  /** Expense claims on one involvement. */
  expensesPerInvolvement: 50,
  /** One receipt (ticket, lodging, other): 100 000 kr. */
  receiptOre: 10_000_000 as Ore,
  /** Lost income (tapt arbeidsinntekt) on one involvement: 100 000 kr. */
  lostIncomeOre: 10_000_000 as Ore,
  /** What one involvement's calculation may total: 10 000 000 kr. */
  involvementOre: 1_000_000_000 as Ore,
  /** What one payout batch may total, and each of its taxable and tax-free parts: 50 000 000 kr. */
  batchOre: 5_000_000_000 as Ore,
} as const;

/** "100 000 kr" for a bound in øre, as error messages state it. */
export function boundInKroner(ore: Ore): string {
  let digits = String(Math.trunc(ore / 100));
  let grouped = '';
  while (digits.length > 3) {
    grouped = ` ${digits.slice(-3)}${grouped}`;
    digits = digits.slice(0, -3);
  }
  return `${digits}${grouped} kr`;
}
