import { sumOre, type Ore } from '@app/shared-kernel';
import type { ClaimedLine } from './claim-ledger';
import { entitlementKey, type PayoutLine } from './payout-line';

/** What an involvement entitles to now, for one line kind and tax split (the calculator's lines summed). */
export type Entitlement = Omit<PayoutLine, 'lineId' | 'adjustsLineId'>;

/** An involvement whose entitlements were computed (all of them; a voided one has none). */
export interface EvaluatedInvolvement {
  involvementId: string;
  entitlements: readonly Entitlement[];
}

/**
 * The lines a new batch holds: for each (involvement, kind, tax split) of the
 * evaluated involvements, entitlement minus what claiming lines (draft,
 * approved, paid) already hold. A non-zero difference becomes a line; when an
 * earlier claiming line exists it is an adjustment of the latest one. Claims
 * of involvements not evaluated are left alone.
 */
export function owedLines(
  evaluated: readonly EvaluatedInvolvement[],
  claimingByKey: ReadonlyMap<string, readonly ClaimedLine[]>,
  lineIdFor: (key: string) => string,
): PayoutLine[] {
  const lines: PayoutLine[] = [];
  for (const involvement of evaluated) {
    const keys = new Map<string, { entitled: Ore; template: Entitlement | null }>();
    for (const e of involvement.entitlements) {
      const key = entitlementKey(e);
      const seen = keys.get(key);
      keys.set(key, { entitled: (seen?.entitled ?? 0) + e.amountOre, template: seen?.template ?? e });
    }
    for (const [key, claimed] of claimingByKey)
      if (claimed[0].involvementId === involvement.involvementId && !keys.has(key))
        keys.set(key, { entitled: 0, template: null });
    for (const [key, { entitled, template }] of keys) {
      const claimed = claimingByKey.get(key) ?? [];
      const owed = entitled - sumOre(claimed.map((c) => c.amountOre));
      if (owed === 0) continue;
      const latest = claimed.at(-1);
      const base = template ?? latest;
      if (!base) continue;
      lines.push({
        lineId: lineIdFor(key),
        participantId: base.participantId,
        involvementId: base.involvementId,
        projectId: base.projectId,
        organizationId: base.organizationId,
        occurredOn: base.occurredOn,
        kind: base.kind,
        amountOre: owed,
        taxable: base.taxable,
        incomeType: base.incomeType,
        adjustsLineId: latest?.lineId ?? null,
      });
    }
  }
  return lines;
}
