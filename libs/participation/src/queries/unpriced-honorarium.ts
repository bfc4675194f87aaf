import { DomainError, ValidationFailed, type FieldError } from '@app/shared-kernel';
import type { HonorariumCalculation } from '@app/honorarium';

/**
 * A stored involvement the calculator refuses to price (data written before
 * the write-time bounds, or a guideline that pays beyond them). Every money
 * view reports it by id with the calculator's reason and carries on with the
 * rest, so one record never blocks the draft, the ledger or the report.
 */
export interface RefusedHonorarium {
  status: 'unpriced';
  involvementId: string;
  reason: string;
  errors?: FieldError[];
}

/**
 * A logged involvement on a day no guideline version of its project's region
 * covers (before the region's first one). Never silently nothing: every money
 * view names it, until a version covering the day is published.
 */
export interface NoGuidelineInForce {
  status: 'no-guideline-in-force';
  involvementId: string;
  region: string;
  /** The region's earliest effective date; null when the region has no guideline at all. */
  firstEffectiveFrom: string | null;
  reason: string;
}

/** An involvement that is logged but cannot be priced, and why. */
export type UnpricedHonorarium = RefusedHonorarium | NoGuidelineInForce;

/** How the money views (draft, ledger, report) list an unpriced involvement. */
export type UnpricedEntry = Omit<RefusedHonorarium, 'errors'> | NoGuidelineInForce;

/** A calculation, or why a logged involvement has none; null only for a voided one. */
export type InvolvementHonorariumView = HonorariumCalculation | UnpricedHonorarium;

export function isUnpriced(honorarium: InvolvementHonorariumView | null): honorarium is UnpricedHonorarium {
  return (
    honorarium !== null &&
    'status' in honorarium &&
    (honorarium.status === 'unpriced' || honorarium.status === 'no-guideline-in-force')
  );
}

/** The one listing of an unpriced involvement every money view uses. */
export function unpricedEntry(honorarium: UnpricedHonorarium): UnpricedEntry {
  if (honorarium.status === 'no-guideline-in-force') return honorarium;
  const { status, involvementId, reason } = honorarium;
  return { status, involvementId, reason };
}

/** The calculated lines; none for an unpriced or voided involvement. */
export function pricedLines(honorarium: InvolvementHonorariumView | null): HonorariumCalculation['lines'] {
  return honorarium === null || isUnpriced(honorarium) ? [] : honorarium.lines;
}

/** The calculator refuses with a DomainError (bounds, rules) or a RangeError (a sum beyond exact integers). */
export function unpricedBecause(involvementId: string, error: unknown): RefusedHonorarium {
  if (!(error instanceof DomainError) && !(error instanceof RangeError)) throw error;
  return {
    status: 'unpriced',
    involvementId,
    reason: `Involvement ${involvementId} cannot be priced: ${error.message}`,
    ...(error instanceof ValidationFailed ? { errors: error.errors } : {}),
  };
}

/** No version of the region covers the day the involvement took place. */
export function noGuidelineInForce(
  involvementId: string,
  occurredOn: string,
  region: string,
  firstEffectiveFrom: string | null,
): NoGuidelineInForce {
  const first =
    firstEffectiveFrom === null
      ? `region "${region}" has no honorarium guideline`
      : `the first honorarium guideline of region "${region}" takes effect ${firstEffectiveFrom}`;
  return {
    status: 'no-guideline-in-force',
    involvementId,
    region,
    firstEffectiveFrom,
    reason: `Involvement ${involvementId} cannot be priced: no guideline is in force on ${occurredOn}; ${first}`,
  };
}
