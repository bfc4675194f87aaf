import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ParticipationQueries, pricedLines } from '@app/participation';
import { economyOfLines } from '@app/reporting';

/**
 * Participation money (honorarium, expenses, lost income) of an
 * organisation's year by the month of the involvement, priced exactly as the
 * annual report's economy prices it (the guideline in force on the day), a
 * few at a time. Where a priced-involvement read model exists, this becomes
 * one GROUP BY month over it.
 */
@Injectable()
export class MoneyPerMonth {
  constructor(
    private readonly db: DataSource,
    private readonly participation: ParticipationQueries,
  ) {}

  async ofYear(organizationId: string, year: number): Promise<number[]> {
    const rows: Array<{ involvement_id: string; occurred_on: string }> = await this.db.query(
      `SELECT i.involvement_id, i.occurred_on
       FROM reporting_involvements i JOIN reporting_projects p ON p.project_id = i.project_id
       WHERE p.organization_id = $1 AND i.occurred_on LIKE $2 AND i.status = 'logged' AND i.counts_as_participation`,
      [organizationId, `${year}-%`],
    );
    const months = Array.from({ length: 12 }, () => 0);
    for (let i = 0; i < rows.length; i += 8) {
      const priced = await Promise.all(
        rows.slice(i, i + 8).map(async (r) => {
          const details = await this.participation.involvement(r.involvement_id);
          return {
            month: Number(r.occurred_on.slice(5, 7)),
            ore: economyOfLines(pricedLines(details.honorarium)).totalOre,
          };
        }),
      );
      for (const p of priced) months[p.month - 1] += p.ore;
    }
    return months;
  }
}
