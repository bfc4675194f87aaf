import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  honorariumOfRow,
  isUnpriced,
  PRICED_COLUMNS,
  PricedInvolvementQueries,
  unpricedEntry,
  type PricedRow,
  type UnpricedEntry,
} from '@app/participation';
import { ECONOMY_PART_OF_KIND, type EconomyFigures } from '../domain';

/**
 * The involvements a year's economy covers: logged, counted as participation
 * (peer support is not; an absence is, since expenses may be covered), that
 * took place in the year, in the organisation's projects when one is given.
 */
const COUNTED_IN_YEAR = `
  FROM priced_involvements i JOIN priced_projects p ON p.project_id = i.project_id
  WHERE i.occurred_on >= $1 AND i.occurred_on <= $2 AND ($3::text IS NULL OR p.organization_id = $3)
    AND i.status = 'logged' AND (i.details->>'countsAsParticipation')::boolean`;

const partSum = (part: keyof EconomyFigures) => {
  const kinds = Object.entries(ECONOMY_PART_OF_KIND)
    .filter(([, p]) => p === part)
    .map(([kind]) => kind);
  return `coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = ANY('{${kinds.join(',')}}'::text[])), 0)::text`;
};

/**
 * The annual report's economy as aggregates over the priced-involvement read
 * model (docs/adr/0023): one statement sums the year's priced lines by part,
 * one lists what cannot be priced. Nothing is folded or priced here.
 */
@Injectable()
export class AccruedEconomyQueries {
  constructor(
    private readonly db: DataSource,
    private readonly priced: PricedInvolvementQueries,
  ) {}

  async ofYear(
    year: number,
    organizationId: string | null,
  ): Promise<{ accrued: EconomyFigures; unpriced: UnpricedEntry[] }> {
    await this.priced.whenCaughtUp();
    const period = [`${year}-01-01`, `${year}-12-31`, organizationId];
    const [sums] = await this.db.query<
      Array<{ honorarium: string; expenses: string; lost_income: string; total: string }>
    >(
      `SELECT ${partSum('honorariumOre')} AS honorarium, ${partSum('expensesOre')} AS expenses,
              ${partSum('lostIncomeOre')} AS lost_income,
              coalesce(sum(l.amount_ore) FILTER (WHERE l.kind = ANY($4)), 0)::text AS total
       FROM priced_involvement_lines l JOIN priced_involvements i ON i.involvement_id = l.involvement_id
       JOIN priced_projects p ON p.project_id = i.project_id
       WHERE i.pricing = 'priced' AND i.occurred_on >= $1 AND i.occurred_on <= $2
         AND ($3::text IS NULL OR p.organization_id = $3)
         AND i.status = 'logged' AND (i.details->>'countsAsParticipation')::boolean`,
      [...period, Object.keys(ECONOMY_PART_OF_KIND)],
    );
    const unpricedRows = await this.db.query<PricedRow[]>(
      `SELECT ${PRICED_COLUMNS} ${COUNTED_IN_YEAR} AND i.pricing IN ('unpriced', 'no-guideline-in-force')
       ORDER BY i.involvement_id`,
      period,
    );
    return {
      accrued: {
        honorariumOre: exact(sums.honorarium),
        expensesOre: exact(sums.expenses),
        lostIncomeOre: exact(sums.lost_income),
        totalOre: exact(sums.total),
      },
      unpriced: unpricedRows.flatMap((row) => {
        const honorarium = honorariumOfRow(row, []);
        return honorarium !== null && isUnpriced(honorarium) ? [unpricedEntry(honorarium)] : [];
      }),
    };
  }
}

function exact(sum: string): number {
  const value = Number(sum);
  if (!Number.isSafeInteger(value)) throw new RangeError(`a sum of ${sum} øre is beyond exact integers`);
  return value;
}
