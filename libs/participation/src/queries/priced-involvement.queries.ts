import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, readCheckpoint, type EventStore } from '@app/event-store';
import type { HonorariumCalculation, HonorariumLine } from '@app/honorarium';
import { PRICED_INVOLVEMENTS_PROJECTION } from '../read-models/priced-involvements/priced-involvements.projection';
import type { InvolvementHonorariumView } from './unpriced-honorarium';

/** How long a money view waits for the priced-involvement read model to reach the log's head. */
export const PRICED_READ_WAIT_MS = 10_000;

/** A `priced_involvements` row's result columns. */
export interface PricedRow {
  involvement_id: string;
  pricing: 'pending' | 'priced' | 'unpriced' | 'no-guideline-in-force' | 'voided' | 'no-project';
  total_ore: string | null;
  guideline_region: string | null;
  guideline_version: string | null;
  rate_tables: HonorariumCalculation['rateTables'] | null;
  reason: string | null;
  errors: Array<{ field: string; message: string }> | null;
  first_effective_from: string | null;
}

/** A `priced_involvement_lines` row. */
export interface PricedLineRow {
  involvement_id: string;
  kind: HonorariumLine['kind'];
  quantity: string;
  unit: HonorariumLine['unit'];
  rate_ore: string;
  amount_ore: string;
  taxable: boolean;
  income_type: string;
  explanation: string;
}

export const PRICED_COLUMNS = `i.involvement_id, i.pricing, i.total_ore, i.guideline_region, i.guideline_version,
  i.rate_tables, i.reason, i.errors, i.first_effective_from`;

/** The `honorarium` block as GET /v1/involvements/{id} answers it, from a row and its lines (in line order). */
export function honorariumOfRow(row: PricedRow, lines: readonly PricedLineRow[]): InvolvementHonorariumView | null {
  switch (row.pricing) {
    case 'priced':
      return {
        lines: lines.map((l) => ({
          kind: l.kind,
          quantity: Number(l.quantity),
          unit: l.unit,
          rateOre: Number(l.rate_ore),
          amountOre: Number(l.amount_ore),
          taxable: l.taxable,
          incomeType: l.income_type,
          explanation: l.explanation,
        })),
        totalOre: Number(row.total_ore),
        guideline: { region: row.guideline_region as string, version: row.guideline_version as string },
        rateTables: row.rate_tables as HonorariumCalculation['rateTables'],
      };
    case 'unpriced':
      return {
        status: 'unpriced',
        involvementId: row.involvement_id,
        reason: row.reason as string,
        ...(row.errors ? { errors: row.errors } : {}),
      };
    case 'no-guideline-in-force':
      return {
        status: 'no-guideline-in-force',
        involvementId: row.involvement_id,
        region: row.guideline_region as string,
        firstEffectiveFrom: row.first_effective_from,
        reason: row.reason as string,
      };
    default:
      return null;
  }
}

/**
 * Reads of the priced-involvement read model (docs/adr/0023). A money view
 * first waits until the projection has applied everything in the log when
 * the view was asked for (`caughtUp`), so it reads its own writes.
 */
@Injectable()
export class PricedInvolvementQueries {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** True once the read model holds every event up to the head as it is now; false after `timeoutMs`. */
  async caughtUp(timeoutMs = PRICED_READ_WAIT_MS): Promise<boolean> {
    const head = await this.store.headPosition();
    const deadline = Date.now() + timeoutMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
      if ((await readCheckpoint(this.db, PRICED_INVOLVEMENTS_PROJECTION)) >= head) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /** Priced involvements by id with their lines (an id the read model does not hold is absent). */
  async honoraria(involvementIds: readonly string[]): Promise<Map<string, InvolvementHonorariumView | null>> {
    const [rows, lines] = await Promise.all([
      this.db.query(`SELECT ${PRICED_COLUMNS} FROM priced_involvements i WHERE i.involvement_id = ANY($1)`, [
        involvementIds,
      ]) as Promise<PricedRow[]>,
      this.db.query(
        `SELECT * FROM priced_involvement_lines WHERE involvement_id = ANY($1) ORDER BY involvement_id, line_no`,
        [involvementIds],
      ) as Promise<PricedLineRow[]>,
    ]);
    const linesOf = new Map<string, PricedLineRow[]>();
    for (const line of lines) linesOf.set(line.involvement_id, [...(linesOf.get(line.involvement_id) ?? []), line]);
    return new Map(rows.map((row) => [row.involvement_id, honorariumOfRow(row, linesOf.get(row.involvement_id) ?? [])]));
  }
}
