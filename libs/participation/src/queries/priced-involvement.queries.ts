import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, readCheckpoint, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig } from '@app/platform';
import type { HonorariumCalculation, HonorariumLine } from '@app/honorarium';
import {
  PRICE_TRIGGERS,
  PRICED_INVOLVEMENTS_PROJECTION,
} from '../read-models/priced-involvements/priced-involvements.projection';
import type { InvolvementHonorariumView } from './unpriced-honorarium';

/** How long a money view waits for the priced-involvement read model to reach the log's head. */
export const PRICED_READ_WAIT_MS = 10_000;

/**
 * GET /v1/involvements/{id} does not wait: read right after a write (the projection still behind), it
 * prices from the streams by the same calculation, as fast as before the read model.
 */
export const PRICED_SINGLE_READ_WAIT_MS = 0;

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
export function honorariumOfRow(
  row: PricedRow,
  lines: readonly PricedLineRow[],
): InvolvementHonorariumView | null {
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
    case 'voided':
    case 'no-project':
    case 'pending':
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * True once the read model holds every event that prices (PRICE_TRIGGERS) up to the head as it is now;
   * false after `timeoutMs`. So a view waits for the involvement just logged, not for a batch just drafted.
   */
  async caughtUp(timeoutMs = PRICED_READ_WAIT_MS): Promise<boolean> {
    const { target, checkpoint } = await this.lastPricingEvent();
    if (checkpoint >= target) return true;
    const deadline = Date.now() + timeoutMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, pause));
      if ((await readCheckpoint(this.db, PRICED_INVOLVEMENTS_PROJECTION)) >= target) return true;
    }
  }

  /**
   * The log position of the last event of PRICE_TRIGGERS, with the projection's checkpoint read in the same
   * statement. In the PostgreSQL store only the log after the checkpoint is read (a range of the primary
   * key): what the projection has not applied yet, never the history before it (docs/adr/0023, "Ledger at
   * scale"); every event up to the checkpoint is applied, so a pricing event is waited for only after it.
   * In any other store: the head of the log.
   */
  private async lastPricingEvent(): Promise<{ target: number; checkpoint: number }> {
    if (this.config.eventStore !== 'postgres') {
      const target = await this.store.headPosition();
      return { target, checkpoint: await readCheckpoint(this.db, PRICED_INVOLVEMENTS_PROJECTION) };
    }
    const [row] = await this.db.query<Array<{ target: string | null; checkpoint: string }>>(
      `SELECT c.position AS checkpoint,
              (SELECT max(e.global_position) FROM events e
                WHERE e.global_position > c.position AND e.type = ANY($2::text[])) AS target
         FROM (SELECT coalesce((SELECT position FROM projection_checkpoints WHERE name = $1), 0) AS position) c`,
      [PRICED_INVOLVEMENTS_PROJECTION, PRICE_TRIGGERS],
    );
    const checkpoint = Number(row.checkpoint);
    return { target: row.target === null ? checkpoint : Number(row.target), checkpoint };
  }

  /** Waits for `caughtUp`; a 503 saying so when the read model is further behind than a money view may wait. */
  async whenCaughtUp(): Promise<void> {
    if (!(await this.caughtUp()))
      throw new ServiceUnavailableException(
        'The honorarium read model has not caught up with the log yet; try again shortly',
      );
  }

  /**
   * A participant's involvements in a period (days inclusive, either end open), in day and logging order,
   * with their honorarium as GET /v1/involvements/{id} answers it.
   */
  async ofParticipant(participantId: string, from: string | null, to: string | null) {
    const rows = await this.db.query<Array<PricedRow & { status: 'logged' | 'voided'; occurred_on: string }>>(
      `SELECT ${PRICED_COLUMNS}, i.status, i.occurred_on FROM priced_involvements i
       WHERE i.participant_id = $1 AND ($2::text IS NULL OR i.occurred_on >= $2) AND ($3::text IS NULL OR i.occurred_on <= $3)
       ORDER BY i.occurred_on, i.logged_at, i.involvement_id`,
      [participantId, from, to],
    );
    const honoraria = await this.honorariaOfRows(rows);
    return rows.map((row) => ({
      id: row.involvement_id,
      status: row.status,
      occurredOn: row.occurred_on,
      honorarium: honoraria.get(row.involvement_id) ?? null,
    }));
  }

  /** Priced involvements by id with their lines (an id the read model does not hold is absent). */
  async honoraria(involvementIds: readonly string[]): Promise<Map<string, InvolvementHonorariumView | null>> {
    const rows = await this.db.query<PricedRow[]>(
      `SELECT ${PRICED_COLUMNS} FROM priced_involvements i WHERE i.involvement_id = ANY($1)`,
      [involvementIds],
    );
    return this.honorariaOfRows(rows);
  }

  private async honorariaOfRows(rows: readonly PricedRow[]) {
    const lines = await this.db.query<PricedLineRow[]>(
      `SELECT * FROM priced_involvement_lines WHERE involvement_id = ANY($1) ORDER BY involvement_id, line_no`,
      [rows.filter((r) => r.pricing === 'priced').map((r) => r.involvement_id)],
    );
    const linesOf = new Map<string, PricedLineRow[]>();
    for (const line of lines)
      linesOf.set(line.involvement_id, [...(linesOf.get(line.involvement_id) ?? []), line]);
    return new Map(
      rows.map((row) => [row.involvement_id, honorariumOfRow(row, linesOf.get(row.involvement_id) ?? [])]),
    );
  }
}
