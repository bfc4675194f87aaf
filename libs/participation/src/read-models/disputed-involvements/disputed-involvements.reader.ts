import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { disputeHoldChange, type DisputeHold } from './dispute-hold';
import { DISPUTED_INVOLVEMENTS_PROJECTION } from './disputed-involvements.projection';

const PAGE = 500;

/**
 * The open disputes as they stand at the head of the log: the
 * `disputed_involvements` rows read with the projection's checkpoint (one
 * snapshot), then every event after it applied in memory. So a draft never
 * pays an involvement disputed a moment before, even when the projection lags.
 */
@Injectable()
export class DisputedInvolvements {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async atHead(client: PoolClient): Promise<ReadonlyMap<string, DisputeHold>> {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const holds = new Map<string, DisputeHold>();
    let checkpoint: number;
    try {
      const cp = await client.query<{ position: string }>(
        'SELECT position FROM projection_checkpoints WHERE name = $1',
        [DISPUTED_INVOLVEMENTS_PROJECTION],
      );
      checkpoint = cp.rows.length === 0 ? 0 : Number(cp.rows[0].position);
      const rows = await client.query<{
        involvement_id: string;
        participant_id: string;
        concerns: string[];
        disputed_at: Date;
      }>('SELECT involvement_id, participant_id, concerns, disputed_at FROM disputed_involvements');
      for (const r of rows.rows)
        holds.set(r.involvement_id, {
          involvementId: r.involvement_id,
          participantId: r.participant_id,
          concerns: r.concerns as DisputeHold['concerns'],
          disputedAt: r.disputed_at.toISOString(),
        });
    } finally {
      await client.query('COMMIT');
    }
    for (let after = checkpoint; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      for (const e of page) {
        const change = disputeHoldChange({ type: e.type, data: e.data, recordedAt: e.metadata.recordedAt });
        if (change?.hold) holds.set(change.involvementId, change.hold);
        else if (change) holds.delete(change.involvementId);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    return holds;
  }
}
