import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ClaimLedger, PAYOUT_BATCH_EVENT_TYPES, type ClaimedLine, type PayoutBatchEvent } from '../domain';
import { claimedLineOf, type PayoutLineRecord } from '../read-models/payout-line-record';
import { PAYOUT_LINES_PROJECTION } from '../read-models/payout-lines.projection';

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
    let rows: PayoutLineRecord[];
    let checkpoint: number;
    try {
      const cp = await client.query<{ position: string }>(
        'SELECT position FROM projection_checkpoints WHERE name = $1',
        [PAYOUT_LINES_PROJECTION],
      );
      checkpoint = cp.rows.length === 0 ? 0 : Number(cp.rows[0].position);
      rows = (
        await client.query<PayoutLineRecord>(
          `SELECT * FROM payout_lines WHERE status IN ('draft', 'approved', 'paid') AND involvement_id = ANY($1)`,
          [involvementIds],
        )
      ).rows;
    } finally {
      await client.query('COMMIT');
    }
    const ledger = new ClaimLedger(rows.map(claimedLineOf));
    for (const e of await this.batchEventsAfter(checkpoint))
      ledger.apply({ type: e.type, data: e.data } as PayoutBatchEvent, e.position);
    return ledger;
  }

  /**
   * For a caller inside a REPEATABLE READ transaction on `client` (one snapshot of `payout_lines`): the
   * lines the batch events after the projection's checkpoint draft or move, with their status at the head
   * of the log. `payout_lines` with these rows put in place of its own is the claims as they stand now.
   */
  async linesChangedSinceCheckpoint(client: PoolClient): Promise<ClaimedLine[]> {
    const cp = await client.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE name = $1',
      [PAYOUT_LINES_PROJECTION],
    );
    const checkpoint = cp.rows.length === 0 ? 0 : Number(cp.rows[0].position);
    const tail = await this.batchEventsAfter(checkpoint);
    if (tail.length === 0) return [];
    const batchIds = [...new Set(tail.map((e) => String(e.data.batchId)))];
    const rows = (
      await client.query<PayoutLineRecord>('SELECT * FROM payout_lines WHERE batch_id = ANY($1)', [batchIds])
    ).rows;
    const ledger = new ClaimLedger(rows.map(claimedLineOf));
    for (const e of tail) ledger.apply({ type: e.type, data: e.data } as PayoutBatchEvent, e.position);
    return ledger.all();
  }

  private async batchEventsAfter(checkpoint: number) {
    const events = [];
    for (let after = checkpoint; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      events.push(...page.filter((e) => (PAYOUT_BATCH_EVENT_TYPES as readonly string[]).includes(e.type)));
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    return events;
  }
}
