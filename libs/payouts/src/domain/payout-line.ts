import type { Ore } from '@app/shared-kernel';

/**
 * One amount owed to one participant for one (involvement, kind, tax split),
 * as it travels in a batch. An adjustment is a line with `adjustsLineId`: the
 * difference between what an involvement now entitles to and what earlier
 * lines already claimed (positive or negative). No personal data.
 */
export interface PayoutLine {
  lineId: string;
  participantId: string;
  involvementId: string;
  projectId: string;
  organizationId: string;
  occurredOn: string;
  /** The calculator's line kind: meeting, preparation, travel-time, lost-income-*, mileage, ticket, lodging, other, meals. */
  kind: string;
  amountOre: Ore;
  taxable: boolean;
  /** a-melding income type (see libs/honorarium README). */
  incomeType: string;
  adjustsLineId: string | null;
}

/** A line's life in the read model: draft → approved → paid | failed, or cancelled with its batch. */
export type LineStatus = 'draft' | 'approved' | 'paid' | 'failed' | 'cancelled';

/** Lines that hold their amount: live (draft, approved) or paid. Failed and cancelled lines free it again. */
export const CLAIMING_STATUSES: readonly LineStatus[] = ['draft', 'approved', 'paid'];

export function claims(status: LineStatus): boolean {
  return CLAIMING_STATUSES.includes(status);
}

/** The entitlement key: one amount per involvement, line kind and tax split. */
export function entitlementKey(line: { involvementId: string; kind: string; taxable: boolean }): string {
  return `${line.involvementId}|${line.kind}|${line.taxable ? 'taxable' : 'tax-free'}`;
}

/** Economy groups for reports: honorarium (time), lost income, expenses. */
export type PayoutCategory = 'honorarium' | 'lostIncome' | 'expenses';

export function categoryOf(kind: string): PayoutCategory {
  if (kind === 'meeting' || kind === 'preparation' || kind === 'travel-time') return 'honorarium';
  if (kind.startsWith('lost-income')) return 'lostIncome';
  return 'expenses';
}
