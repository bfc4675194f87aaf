import { DomainError, ValidationFailed, type FieldError } from '@app/shared-kernel';
import type { HonorariumCalculation } from '@app/honorarium';

/**
 * A stored involvement the calculator refuses to price (data written before
 * the write-time bounds, or a guideline that pays beyond them). Every money
 * view reports it by id with the calculator's reason and carries on with the
 * rest, so one record never blocks the draft, the ledger or the report.
 */
export interface UnpricedHonorarium {
  status: 'unpriced';
  involvementId: string;
  reason: string;
  errors?: FieldError[];
}

export type InvolvementHonorariumView = HonorariumCalculation | UnpricedHonorarium;

export function isUnpriced(honorarium: InvolvementHonorariumView | null): honorarium is UnpricedHonorarium {
  return honorarium !== null && 'status' in honorarium && honorarium.status === 'unpriced';
}

/** The calculated lines; none for an unpriced, voided or unguided involvement. */
export function pricedLines(honorarium: InvolvementHonorariumView | null): HonorariumCalculation['lines'] {
  return honorarium === null || isUnpriced(honorarium) ? [] : honorarium.lines;
}

/** The calculator refuses with a DomainError (bounds, rules) or a RangeError (a sum beyond exact integers). */
export function unpricedBecause(involvementId: string, error: unknown): UnpricedHonorarium {
  if (!(error instanceof DomainError) && !(error instanceof RangeError)) throw error;
  return {
    status: 'unpriced',
    involvementId,
    reason: `Involvement ${involvementId} cannot be priced: ${error.message}`,
    ...(error instanceof ValidationFailed ? { errors: error.errors } : {}),
  };
}
