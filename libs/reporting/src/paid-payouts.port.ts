/** Paid payout lines of a year, split as '@app/payouts' PayoutLineQueries.paidTotals reports them. */
export interface PaidTotals {
  honorariumOre: number;
  expensesOre: number;
  lostIncomeOre: number;
  totalOre: number;
  lineCount: number;
}

/**
 * The port reporting reads "paid" through. The payouts context provides it
 * (the app wires PayoutLineQueries under this token); without it the annual
 * report says paid is 0 and why.
 */
export interface PaidPayouts {
  paidTotals(q: { year: number; organizationId?: string }): Promise<PaidTotals>;
}

export const PAID_PAYOUTS = Symbol('PaidPayouts');
