import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PayoutLedger, PayoutLineView } from '@app/participation';
import { claimedLineOf, type PayoutLineRecord } from '../read-models/payout-line-record';

/** Participation's view of payouts (its PAYOUT_LEDGER port), from the `payout_lines` read model. */
@Injectable()
export class PayoutLedgerReader implements PayoutLedger {
  constructor(private readonly db: DataSource) {}

  async ofParticipant(participantId: string): Promise<PayoutLineView[]> {
    const rows: PayoutLineRecord[] = await this.db.query(
      `SELECT * FROM payout_lines WHERE participant_id = $1 ORDER BY drafted_position, line_id`,
      [participantId],
    );
    return rows.map((r) => ({ ...claimedLineOf(r), reference: r.reference }));
  }

  async payoutOf(involvementId: string): Promise<{ batchId: string; status: string } | null> {
    const rows: Array<{ batch_id: string; status: string }> = await this.db.query(
      `SELECT batch_id, status FROM payout_lines WHERE involvement_id = $1 AND status <> 'cancelled'
       ORDER BY drafted_position DESC, line_id LIMIT 1`,
      [involvementId],
    );
    return rows.length === 0 ? null : { batchId: rows[0].batch_id, status: rows[0].status };
  }

  async approvedAwaitingPayment(participantId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM payout_lines WHERE participant_id = $1 AND status = 'approved'`,
      [participantId],
    );
    return rows[0].n;
  }
}
