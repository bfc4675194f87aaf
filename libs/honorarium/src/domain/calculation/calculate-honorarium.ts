import { boundInKroner, PRICING_BOUNDS, RuleViolation, sumOre } from '@app/shared-kernel';
import { SHIPPED_TRAVEL_RATE_TABLES } from '../../guidelines/state-travel-rates.data';
import { compareDates } from '../common/calendar-date';
import { AppointmentRole } from '../common/vocabulary';
import { Guideline } from '../guideline/guideline.types';
import { Involvement, SameDayInvolvement } from '../involvement/involvement.types';
import { TravelRateTables } from '../travel-rates/travel-rates.types';
import { CalculationContext } from './calculation-context';
import { allocateDailyLimits, dailyLimits } from './daily-cap.allocator';
import { expenseLines, uncoveredExpenseLine } from './expense.rules';
import { HonorariumCalculation, HonorariumLine } from './honorarium-line.types';
import { readCalculationInput } from './calculation-input.reader';
import { lostIncomeLines } from './lost-income.rules';
import { applyGatheringDecisions, gatheringPaysNothing } from './gathering-decisions.rules';
import { paymentScope } from './payment-scope';
import { meetingLine, preparationLines, travelTimeLines } from './time-pay.rules';
import { waivedTimePay } from './waiver.rules';

export interface CalculateHonorariumInput {
  /** The version in force on the involvement's day (see `guidelineInForce`); trusted, validated when stored. */
  guideline: Guideline;
  involvement: Involvement;
  /** The participant's appointment role on the day; `null` or absent: no appointment, default rates. */
  role?: AppointmentRole | null;
  /** The participant's other involvements that day under the same guideline, so daily caps hold across them. */
  otherInvolvementsSameDay?: SameDayInvolvement[];
  /** This involvement's place among the day's; absent: after all of them (it is being logged now). */
  orderKey?: string;
  /** Defaults to the shipped state rate tables; pass others to replay with tables as they once were. */
  rateTables?: TravelRateTables;
}

/**
 * Prices one involvement line by line under one guideline version. Pure and
 * deterministic: the same input gives the same lines, in the same order, with
 * the same explanations. Every amount is whole øre and never negative, and
 * the total is the sum of the lines.
 */
export function calculateHonorarium(input: CalculateHonorariumInput): HonorariumCalculation {
  const { involvement, role, others, orderKey } = readCalculationInput(input);
  const { guideline } = input;
  if (compareDates(guideline.effectiveFrom, involvement.occurredOn) > 0) {
    throw new RuleViolation(
      'guideline-not-in-force',
      `Guideline ${guideline.region} ${guideline.version} takes effect after ${involvement.occurredOn}`,
    );
  }
  const tables = input.rateTables ?? SHIPPED_TRAVEL_RATE_TABLES;
  const target = priceOne(guideline, involvement, role, tables);
  const day = [
    ...others.map((o) => ({
      orderKey: o.orderKey,
      lines: priceOne(guideline, o.involvement, o.role ?? null, tables).lines,
    })),
    { orderKey, lines: target.lines },
  ];
  const lines = allocateDailyLimits(day, dailyLimits(guideline))[day.length - 1];
  const totalOre = sumOre(lines.map((line) => line.amountOre));
  if (totalOre > PRICING_BOUNDS.involvementOre)
    throw new RuleViolation(
      'involvement-over-bound',
      `The involvement would pay ${totalOre} øre, more than the ${boundInKroner(PRICING_BOUNDS.involvementOre)} one involvement may pay`,
    );
  return {
    lines,
    totalOre,
    guideline: { region: guideline.region, version: guideline.version },
    rateTables: target.used,
  };
}

/** One involvement's lines before any per-day limit. */
function priceOne(
  guideline: Guideline,
  involvement: Involvement,
  role: AppointmentRole | null,
  tables: TravelRateTables,
) {
  const ctx: CalculationContext = {
    guideline,
    involvement,
    role,
    tables,
    used: { stateTravel: null, taxFreeMileage: null },
    payRule: null,
  };
  const scope = paymentScope(guideline, involvement);
  if (scope.pays === 'nothing') return { lines: [scope.line], used: ctx.used };
  const unpaidGathering = gatheringPaysNothing(involvement);
  if (unpaidGathering) return { lines: [unpaidGathering], used: ctx.used };
  const expenses = (involvement.expenses ?? []).flatMap((expense) => {
    const uncovered = scope.pays === 'expenses' ? scope.uncovered(expense.kind) : null;
    return uncovered ? [uncoveredExpenseLine(expense, uncovered)] : expenseLines(ctx, expense);
  });
  if (scope.pays === 'expenses')
    return {
      lines: applyGatheringDecisions([scope.line, ...expenses], involvement.gatheringDecisions),
      used: ctx.used,
    };
  ctx.payRule = scope.rule;
  const meeting = meetingLine(ctx, scope.rule);
  const timePay = [meeting.line, ...preparationLines(ctx, meeting.lengthForCap), ...travelTimeLines(ctx)];
  const lines: HonorariumLine[] = [
    ...(involvement.waived ? waivedTimePay(timePay) : timePay),
    ...lostIncomeLines(ctx),
    ...expenses,
  ];
  return { lines: applyGatheringDecisions(lines, involvement.gatheringDecisions), used: ctx.used };
}
