import { PRICING_BOUNDS, sumOre, type Ore } from '@app/shared-kernel';
import type { PayoutLine } from './payout-line';

/** What a draft left owed for the next batch because this one reached the bound. */
export interface LeftForNextBatch {
  lineCount: number;
  involvementCount: number;
  totalOre: Ore;
}

export interface WithinBatchBound {
  taken: PayoutLine[];
  left: LeftForNextBatch;
  /** Set when the first involvement in order moves more than a batch may alone: nothing can be taken. */
  overBoundAlone: { involvementId: string; movedOre: number } | null;
}

/**
 * docs/adr/0015: a batch moves at most PRICING_BOUNDS.batchOre (the sum of its
 * lines' absolute amounts). The owed lines are grouped by involvement (one
 * involvement's lines are never split across batches) and taken oldest first
 * (by day, then involvement id) while the moved sum stays within the bound.
 * The first involvement that does not fit ends the batch: the rest stays
 * owed, and the next draft starts with it, so nothing waits behind younger
 * work and every draft is the same for the same owed lines.
 */
export function withinBatchBound(
  lines: readonly PayoutLine[],
  bound: number = PRICING_BOUNDS.batchOre,
): WithinBatchBound {
  const groups = byInvolvementOldestFirst(lines);
  const taken: PayoutLine[] = [];
  let moved = 0;
  let index = 0;
  for (; index < groups.length; index += 1) {
    const groupMoved = movedBy(groups[index].lines);
    if (moved + groupMoved > bound) break;
    moved += groupMoved;
    taken.push(...groups[index].lines);
  }
  const rest = groups.slice(index);
  const restLines = rest.flatMap((g) => g.lines);
  const first = rest[0];
  return {
    taken,
    left: {
      lineCount: restLines.length,
      involvementCount: rest.length,
      totalOre: sumOre(restLines.map((l) => l.amountOre)),
    },
    overBoundAlone:
      taken.length === 0 && first !== undefined
        ? { involvementId: first.involvementId, movedOre: movedBy(first.lines) }
        : null,
  };
}

interface InvolvementLines {
  involvementId: string;
  occurredOn: string;
  lines: PayoutLine[];
}

function byInvolvementOldestFirst(lines: readonly PayoutLine[]): InvolvementLines[] {
  const groups = new Map<string, InvolvementLines>();
  for (const line of lines) {
    const group = groups.get(line.involvementId);
    if (!group)
      groups.set(line.involvementId, {
        involvementId: line.involvementId,
        occurredOn: line.occurredOn,
        lines: [line],
      });
    else {
      group.lines.push(line);
      if (line.occurredOn < group.occurredOn) group.occurredOn = line.occurredOn;
    }
  }
  return [...groups.values()].sort((a, b) =>
    a.occurredOn !== b.occurredOn
      ? a.occurredOn < b.occurredOn
        ? -1
        : 1
      : a.involvementId < b.involvementId
        ? -1
        : a.involvementId > b.involvementId
          ? 1
          : 0,
  );
}

/** Sum of absolute amounts; an amount beyond the safe integers moves "infinitely much". */
function movedBy(lines: readonly PayoutLine[]): number {
  let moved = 0;
  for (const line of lines)
    moved += Number.isSafeInteger(line.amountOre) ? Math.abs(line.amountOre) : Infinity;
  return moved;
}
