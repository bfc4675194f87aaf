import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  EventSourcedRepository,
  isUnpriced,
  ParticipationQueries,
  pricedLines,
  projectDecider,
  unpricedEntry,
  type UnpricedEntry,
} from '@app/participation';
import type { Entitlement, EvaluatedInvolvement } from '../domain';

const CONCURRENCY = 8;

/** Priced involvements, and those that could not be priced: left out of the batch and named. */
export interface EntitlementsUpTo {
  evaluated: EvaluatedInvolvement[];
  unpriced: UnpricedEntry[];
}

/**
 * What each involvement up to a period end entitles to now, priced exactly
 * as GET /v1/involvements/{id} prices it (participation's calculation). A
 * voided involvement entitles to nothing; lines paying nothing are left out.
 */
@Injectable()
export class Entitlements {
  constructor(
    private readonly db: DataSource,
    private readonly involvements: ParticipationQueries,
    private readonly repository: EventSourcedRepository,
  ) {}

  async upTo(periodEnd: string, organizationId: string | null): Promise<EntitlementsUpTo> {
    const rows: Array<{ involvement_id: string }> = await this.db.query(
      `SELECT involvement_id FROM participation_involvements WHERE occurred_on <= $1
       ORDER BY occurred_on, logged_at, involvement_id`,
      [periodEnd],
    );
    const organisations = new Map<string, Promise<string | null>>();
    const organisationOf = (projectId: string) => {
      if (!organisations.has(projectId))
        organisations.set(
          projectId,
          this.repository
            .load(`project-${projectId}`, projectDecider)
            .then(({ state }) => (state.status === 'registered' ? state.organizationId : null)),
        );
      return organisations.get(projectId) as Promise<string | null>;
    };
    const evaluated: EvaluatedInvolvement[] = [];
    const unpriced: EntitlementsUpTo['unpriced'] = [];
    for (let i = 0; i < rows.length; i += CONCURRENCY) {
      const chunk = await Promise.all(
        rows
          .slice(i, i + CONCURRENCY)
          .map(async ({ involvement_id }): Promise<EvaluatedInvolvement | null> => {
            const inv = await this.involvements.involvement(involvement_id);
            const org = await organisationOf(inv.projectId);
            if (org === null || (organizationId !== null && org !== organizationId)) return null;
            // Not evaluated: what earlier batches claimed for it is left alone, not reversed.
            if (inv.status === 'logged' && isUnpriced(inv.honorarium)) {
              unpriced.push(unpricedEntry(inv.honorarium));
              return null;
            }
            const lines = inv.status === 'logged' ? pricedLines(inv.honorarium) : [];
            const entitlements: Entitlement[] = lines
              .filter((l) => l.kind !== 'not-payable' && l.amountOre !== 0)
              .map((l) => ({
                participantId: inv.participantId,
                involvementId: involvement_id,
                projectId: inv.projectId,
                organizationId: org,
                occurredOn: inv.occurredOn,
                kind: l.kind,
                amountOre: l.amountOre,
                taxable: l.taxable,
                incomeType: l.incomeType,
              }));
            return { involvementId: involvement_id, entitlements };
          }),
      );
      evaluated.push(...chunk.filter((c): c is EvaluatedInvolvement => c !== null));
    }
    return { evaluated, unpriced };
  }
}
