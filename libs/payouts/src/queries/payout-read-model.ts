import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { NotFound } from '@app/shared-kernel';
import type { BatchStatus, LineStatus, PayoutLine } from '../domain';
import { PAYOUT_LINES_PROJECTION } from '../read-models/payout-lines.projection';

/** Anything that runs SQL: the DataSource, or a QueryRunner holding one snapshot. */
export interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface BatchHeader {
  batchId: string;
  status: BatchStatus;
  periodEnd: string;
  organizationId: string | null;
  createdBy: string;
  approvedBy: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  lineCount: number;
  totalOre: number;
  /** The batch stream's version: the ETag of GET /v1/payout-batches/{id}. */
  version: number;
}

export type StoredLine = PayoutLine & {
  status: LineStatus;
  reference: string | null;
  reason: string | null;
  /** The line's place in its batch, from 0 (the order the draft gave). */
  lineNo: number;
};

/** How long a read waits for the payout-lines projection to reach what was written before it. */
const CATCH_UP_MS = 30_000;

/**
 * The `payout_batches` and `payout_lines` read model as batch reads and
 * exports use it (docs/adr/0024): a batch's header, its lines in their draft
 * order a page at a time (keyset on `line_no`), and a wait that makes every
 * read see all that was written before it (read-your-writes).
 */
@Injectable()
export class PayoutReadModel {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Waits until the projection has applied everything in the log as it is now: a draft, approval or result just answered is visible. */
  async caughtUp(): Promise<void> {
    const head = await this.store.headPosition();
    const deadline = Date.now() + CATCH_UP_MS;
    for (;;) {
      const rows = await this.db.query<Array<{ position: string }>>(
        `SELECT position FROM projection_checkpoints WHERE name = $1`,
        [PAYOUT_LINES_PROJECTION],
      );
      if ((rows.length === 0 ? 0 : Number(rows[0].position)) >= head) return;
      if (Date.now() > deadline)
        throw new ServiceUnavailableException(
          'The payout read model is behind the log; retry in a few seconds',
        );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async header(sql: Sql, batchId: string): Promise<BatchHeader> {
    const rows = (await sql.query(`SELECT * FROM payout_batches WHERE batch_id = $1`, [
      batchId,
    ])) as BatchRow[];
    if (rows.length === 0) throw new NotFound('PayoutBatch', batchId);
    const r = rows[0];
    return {
      batchId: r.batch_id,
      status: r.status,
      periodEnd: r.period_end,
      organizationId: r.organization_id,
      createdBy: r.created_by,
      approvedBy: r.approved_by,
      cancelledBy: r.cancelled_by,
      cancelReason: r.cancel_reason,
      lineCount: r.line_count,
      totalOre: Number(r.total_ore),
      version: r.version,
    };
  }

  /** The place of a line in its batch, or null when the batch holds no such line. */
  async lineNo(sql: Sql, batchId: string, lineId: string): Promise<number | null> {
    const rows = (await sql.query(`SELECT line_no FROM payout_lines WHERE batch_id = $1 AND line_id = $2`, [
      batchId,
      lineId,
    ])) as Array<{ line_no: number }>;
    return rows.length === 0 ? null : rows[0].line_no;
  }

  /** Up to `limit` lines after place `afterNo` (-1: from the first), in draft order. */
  async lines(sql: Sql, batchId: string, afterNo: number, limit: number): Promise<StoredLine[]> {
    const rows = (await sql.query(
      `SELECT * FROM payout_lines WHERE batch_id = $1 AND line_no > $2 ORDER BY line_no LIMIT $3`,
      [batchId, afterNo, limit],
    )) as LineRow[];
    return rows.map((r) => ({
      lineId: r.line_id,
      participantId: r.participant_id,
      involvementId: r.involvement_id,
      projectId: r.project_id,
      organizationId: r.organization_id,
      occurredOn: r.occurred_on,
      kind: r.kind,
      amountOre: Number(r.amount_ore),
      taxable: r.taxable,
      incomeType: r.income_type,
      adjustsLineId: r.adjusts_line_id,
      status: r.status,
      reference: r.reference,
      reason: r.reason,
      lineNo: r.line_no,
    }));
  }
}

interface BatchRow {
  batch_id: string;
  status: BatchStatus;
  period_end: string;
  organization_id: string | null;
  created_by: string;
  approved_by: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  line_count: number;
  total_ore: string;
  version: number;
}

interface LineRow {
  line_id: string;
  participant_id: string;
  involvement_id: string;
  project_id: string;
  organization_id: string;
  occurred_on: string;
  kind: string;
  amount_ore: string;
  taxable: boolean;
  income_type: string;
  adjusts_line_id: string | null;
  status: LineStatus;
  reference: string | null;
  reason: string | null;
  line_no: number;
}
