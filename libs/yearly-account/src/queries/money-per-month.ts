import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PricedInvolvementQueries } from '@app/participation';
import { ECONOMY_PART_OF_KIND } from '@app/reporting';

/**
 * Participation money (honorarium, expenses, lost income) of an
 * organisation's year by the month of the involvement, exactly as the annual
 * report's economy sums it: one GROUP BY month over the priced-involvement
 * read model (docs/adr/0023, docs/adr/0031), after the same wait for it to
 * catch up that every money view makes. Nothing is folded or priced here.
 */
@Injectable()
export class MoneyPerMonth {
  constructor(
    private readonly db: DataSource,
    private readonly priced: PricedInvolvementQueries,
  ) {}

  async ofYear(organizationId: string, year: number): Promise<number[]> {
    await this.priced.whenCaughtUp();
    const rows = await this.db.query<Array<{ month: number; total: string }>>(
      `SELECT substr(i.occurred_on, 6, 2)::int AS month, sum(l.amount_ore)::text AS total
       FROM priced_involvement_lines l JOIN priced_involvements i ON i.involvement_id = l.involvement_id
       JOIN priced_projects p ON p.project_id = i.project_id
       WHERE p.organization_id = $1 AND i.occurred_on >= $2 AND i.occurred_on <= $3 AND i.pricing = 'priced'
         AND i.status = 'logged' AND (i.details->>'countsAsParticipation')::boolean AND l.kind = ANY($4)
       GROUP BY month`,
      [organizationId, `${year}-01-01`, `${year}-12-31`, Object.keys(ECONOMY_PART_OF_KIND)],
    );
    const months = Array.from({ length: 12 }, () => 0);
    for (const r of rows) {
      const ore = Number(r.total);
      if (!Number.isSafeInteger(ore))
        throw new RangeError(`a sum of ${r.total} øre is beyond exact integers`);
      months[r.month - 1] = ore;
    }
    return months;
  }
}
