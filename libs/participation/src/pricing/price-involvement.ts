import {
  calculateHonorarium,
  guidelineForDay,
  type AppointmentRole,
  type HonorariumCalculation,
  type Involvement,
  type SameDayInvolvement,
  type VersionAtPosition,
} from '@app/honorarium';
import {
  noGuidelineInForce,
  unpricedBecause,
  type InvolvementHonorariumView,
} from '../queries/unpriced-honorarium';

/**
 * Everything that decides one involvement's price, gathered by one loader
 * (`PricingInputLoader` for the read model, `InvolvementHonorarium` for a read
 * of the past): its own paying fields, its region's guideline versions, and the
 * person's other logged involvements that day (daily caps).
 */
export interface PricingInputs {
  involvementId: string;
  status: 'logged' | 'voided';
  involvement: Involvement;
  role: AppointmentRole | null;
  region: string;
  /** Log position of the last InvolvementLogged or InvolvementCorrected: the versions published before it count. */
  changedAt: number;
  versions: readonly VersionAtPosition[];
  /** The person's other logged involvements that day, with their order keys (logged-at + id). */
  sameDay: readonly SameDayInvolvement[];
  /** This involvement's own order key among the day's. */
  ownKey: string | undefined;
}

/**
 * The one way an involvement is priced: the guideline version for its day
 * (guidelineForDay), then the pure calculator with the day's others. A
 * calculation; or why it has none (`no-guideline-in-force`, or `unpriced` with
 * the calculator's refusal); null only when voided. Pure.
 */
export function priceInvolvement(inputs: PricingInputs): InvolvementHonorariumView | null {
  if (inputs.status === 'voided') return null;
  const inForce = guidelineForDay(inputs.versions, inputs.involvement.occurredOn, inputs.changedAt);
  if (inForce.guideline === null)
    return noGuidelineInForce(
      inputs.involvementId,
      inputs.involvement.occurredOn,
      inputs.region,
      inForce.firstEffectiveFrom,
    );
  const { guideline } = inForce;
  const price = (others: readonly SameDayInvolvement[]): HonorariumCalculation =>
    calculateHonorarium({
      guideline,
      involvement: inputs.involvement,
      role: inputs.role,
      otherInvolvementsSameDay: [...others],
      orderKey: inputs.ownKey,
    });
  try {
    return price(inputs.sameDay);
  } catch (error) {
    // Alone, the involvement itself may be what cannot be priced; if it can, an unpriceable
    // other of the same day takes no part in the daily caps rather than block this one.
    try {
      price([]);
    } catch (alone) {
      return unpricedBecause(inputs.involvementId, alone);
    }
    const priceable = inputs.sameDay.filter((other) => {
      try {
        calculateHonorarium({ guideline, involvement: other.involvement, role: other.role });
        return true;
      } catch {
        return false;
      }
    });
    try {
      return price(priceable);
    } catch {
      return unpricedBecause(inputs.involvementId, error);
    }
  }
}
