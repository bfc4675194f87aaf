import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { categoryOf } from '../domain';

export interface PaidTotals {
  honorariumOre: number;
  expensesOre: number;
  lostIncomeOre: number;
  totalOre: number;
  lineCount: number;
}

/** Reads of the `payout_lines` read model for other contexts (reports). */
@Injectable()
export class PayoutLineQueries {
  constructor(private readonly db: DataSource) {}

  /**
   * Paid lines whose involvement took place in `year` (optionally one
   * organisation's), by economy group; an adjustment counts in the kind it adjusts.
   */
  async paidTotals({ year, organizationId }: { year: number; organizationId?: string }): Promise<PaidTotals> {
    const rows: Array<{ kind: string; amount: string; n: number }> = await this.db.query(
      `SELECT kind, sum(amount_ore)::text AS amount, count(*)::int AS n FROM payout_lines
       WHERE status = 'paid' AND occurred_on >= $1 AND occurred_on <= $2 AND ($3::text IS NULL OR organization_id = $3)
       GROUP BY kind`,
      [`${year}-01-01`, `${year}-12-31`, organizationId ?? null],
    );
    const totals: PaidTotals = {
      honorariumOre: 0,
      expensesOre: 0,
      lostIncomeOre: 0,
      totalOre: 0,
      lineCount: 0,
    };
    for (const r of rows) {
      const amount = Number(r.amount);
      const group = categoryOf(r.kind);
      if (group === 'honorarium') totals.honorariumOre += amount;
      else if (group === 'lostIncome') totals.lostIncomeOre += amount;
      else totals.expensesOre += amount;
      totals.totalOre += amount;
      totals.lineCount += r.n;
    }
    return totals;
  }
}
