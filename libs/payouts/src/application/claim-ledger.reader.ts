import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ClaimLedger, PAYOUT_BATCH_EVENT_TYPES, type ClaimedLine, type PayoutBatchEvent } from '../domain';
import { PAYOUT_LINES_PROJECTION } from '../read-models/payout-lines.projection';

type Row = {
  line_id: string;
  batch_id: string;
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
  status: ClaimedLine['status'];
  drafted_position: string;
};

const PAGE = 500;

/**
 * The claims as they stand at the head of the log: `payout_lines` rows read
 * together with the projection's checkpoint (one snapshot), then every batch
 * event after that checkpoint applied in memory. So a draft never misses a
 * batch appended just before it, even when the projection lags.
 */
@Injectable()
export class ClaimLedgerReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(client: PoolClient, involvementIds: readonly string[]): Promise<ClaimLedger> {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let rows: Row[];
    let checkpoint: number;
    try {
      const cp = await client.query<{ position: string }>(
        'SELECT position FROM projection_checkpoints WHERE name = $1',
        [PAYOUT_LINES_PROJECTION],
      );
      checkpoint = cp.rows.length === 0 ? 0 : Number(cp.rows[0].position);
      rows = (
        await client.query<Row>(
          `SELECT * FROM payout_lines WHERE status IN ('draft', 'approved', 'paid') AND involvement_id = ANY($1)`,
          [involvementIds],
        )
      ).rows;
    } finally {
      await client.query('COMMIT');
    }
    const ledger = new ClaimLedger(rows.map(toClaimedLine));
    for (let after = checkpoint; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      for (const e of page)
        if ((PAYOUT_BATCH_EVENT_TYPES as readonly string[]).includes(e.type))
          ledger.apply({ type: e.type, data: e.data } as PayoutBatchEvent, e.position);
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    return ledger;
  }
}

function toClaimedLine(r: Row): ClaimedLine {
  return {
    lineId: r.line_id,
    batchId: r.batch_id,
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
    draftedAt: Number(r.drafted_position),
  };
}
