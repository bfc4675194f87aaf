import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A payout line as the payouts context's `payout_lines` read model holds it. */
export interface PayoutLineRow {
  lineId: string;
  batchId: string;
  involvementId: string;
  occurredOn: string;
  kind: string;
  amountOre: number;
  taxable: boolean;
  incomeType: string;
  adjustsLineId: string | null;
  status: 'draft' | 'approved' | 'paid' | 'failed' | 'cancelled';
  reference: string | null;
}

type Row = {
  line_id: string;
  batch_id: string;
  involvement_id: string;
  occurred_on: string;
  kind: string;
  amount_ore: string;
  taxable: boolean;
  income_type: string;
  adjusts_line_id: string | null;
  status: PayoutLineRow['status'];
  reference: string | null;
};

/**
 * Reads the payouts context's `payout_lines` table (a published read model,
 * docs/adr/0005): which lines of a participant or involvement are batched or
 * paid. Participation cannot import @app/payouts (payouts builds on it), so it
 * reads the table by its documented columns.
 */
@Injectable()
export class PayoutLinesReader {
  constructor(private readonly db: DataSource) {}

  async ofParticipant(participantId: string): Promise<PayoutLineRow[]> {
    const rows: Row[] = await this.db.query(
      `SELECT * FROM payout_lines WHERE participant_id = $1 ORDER BY drafted_position, line_id`,
      [participantId],
    );
    return rows.map(toLine);
  }

  /** The involvement's latest line not cancelled with its batch, as `{batchId, status}`. */
  async payoutOf(involvementId: string): Promise<{ batchId: string; status: string } | null> {
    const rows: Array<{ batch_id: string; status: string }> = await this.db.query(
      `SELECT batch_id, status FROM payout_lines WHERE involvement_id = $1 AND status <> 'cancelled'
       ORDER BY drafted_position DESC, line_id LIMIT 1`,
      [involvementId],
    );
    return rows.length === 0 ? null : { batchId: rows[0].batch_id, status: rows[0].status };
  }

  /** Lines of approved batches still waiting for a payment result. */
  async approvedAwaitingPayment(participantId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM payout_lines WHERE participant_id = $1 AND status = 'approved'`,
      [participantId],
    );
    return rows[0].n;
  }
}

function toLine(r: Row): PayoutLineRow {
  return {
    lineId: r.line_id,
    batchId: r.batch_id,
    involvementId: r.involvement_id,
    occurredOn: r.occurred_on,
    kind: r.kind,
    amountOre: Number(r.amount_ore),
    taxable: r.taxable,
    incomeType: r.income_type,
    adjustsLineId: r.adjusts_line_id,
    status: r.status,
    reference: r.reference,
  };
}
