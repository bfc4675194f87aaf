import type { PayoutBatchEvent } from './payout-batch.events';
import { claims, entitlementKey, type LineStatus, type PayoutLine } from './payout-line';

/** A line as the ledger of claims knows it: where it sits and how far it got. */
export interface ClaimedLine extends PayoutLine {
  batchId: string;
  status: LineStatus;
  /** Log position of the batch's draft: orders lines of one key, oldest first. */
  draftedAt: number;
}

/**
 * Every payout line by id, with its status: the `payout_lines` read model,
 * brought up to date in memory with the batch events the projection has not
 * applied yet. The same transitions as the projection, so both agree.
 */
export class ClaimLedger {
  private readonly lines = new Map<string, ClaimedLine>();

  constructor(rows: Iterable<ClaimedLine> = []) {
    for (const row of rows) this.lines.set(row.lineId, row);
  }

  apply(event: PayoutBatchEvent, position: number): void {
    switch (event.type) {
      case 'PayoutBatchDrafted':
        for (const line of event.data.lines)
          if (!this.lines.has(line.lineId))
            this.lines.set(line.lineId, {
              ...line,
              batchId: event.data.batchId,
              status: 'draft',
              draftedAt: position,
            });
        return;
      case 'PayoutBatchApproved':
        this.move(event.data.batchId, ['draft'], 'approved');
        return;
      case 'PayoutBatchCancelled':
        this.move(event.data.batchId, ['draft', 'approved'], 'cancelled');
        return;
      case 'PaymentResultsRecorded':
        for (const result of event.data.results) {
          const line = this.lines.get(result.lineId);
          if (line && line.status === 'approved') line.status = result.status;
        }
        return;
      case 'PayoutBatchSettled':
        return;
    }
  }

  private move(batchId: string, from: LineStatus[], to: LineStatus): void {
    for (const line of this.lines.values())
      if (line.batchId === batchId && from.includes(line.status)) line.status = to;
  }

  /** Every line it knows, whatever its status. */
  all(): ClaimedLine[] {
    return [...this.lines.values()];
  }

  /** Lines that hold their amount (draft, approved, paid), grouped by entitlement key, oldest first. */
  claimingByKey(): Map<string, ClaimedLine[]> {
    const byKey = new Map<string, ClaimedLine[]>();
    const ordered = [...this.lines.values()].sort(
      (a, b) => a.draftedAt - b.draftedAt || a.lineId.localeCompare(b.lineId),
    );
    for (const line of ordered) {
      if (!claims(line.status)) continue;
      const key = entitlementKey(line);
      byKey.set(key, [...(byKey.get(key) ?? []), line]);
    }
    return byKey;
  }
}
