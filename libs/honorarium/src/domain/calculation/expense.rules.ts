import { formatNok } from '@app/shared-kernel';
import { formatMinutes, hoursToMinutes } from '../common/minutes';
import { assertNever } from '../common/vocabulary';
import { Expense, ReceiptKind } from '../involvement/involvement.types';
import { MealRates } from '../travel-rates/travel-rates.types';
import { stateTravelRatesOn } from '../travel-rates/travel-rates.lookup';
import { CalculationContext, citing, paidLine, ruleOf, taxRuleOf, zeroLine } from './calculation-context';
import { HonorariumLine } from './honorarium-line.types';
import { mileageLines } from './mileage.rules';

const SIX_HOURS = 6 * 60;
const TWELVE_HOURS = 12 * 60;

/** One expense claim priced by the guideline, in the order the claims were logged. */
export function expenseLines(ctx: CalculationContext, expense: Expense): HonorariumLine[] {
  switch (expense.kind) {
    case 'mileage':
      return mileageLines(ctx, expense.km);
    case 'ticket':
    case 'lodging':
    case 'other':
      return [receiptLine(ctx, expense.kind, expense.amountOre, expense.receiptRef)];
    case 'meals':
      return [mealLine(ctx, expense.tripHours, expense.overnight, expense.km)];
    default:
      return assertNever(expense);
  }
}

/** A claim that is not covered at all in this case (absence, cancellation), with `reason` saying why. */
export function uncoveredExpenseLine(expense: Expense, reason: string): HonorariumLine {
  switch (expense.kind) {
    case 'mileage': {
      const km = Math.round(expense.km);
      return zeroLine('mileage', 'km', km, `Own car ${km} km: ${reason}.`);
    }
    case 'ticket':
    case 'lodging':
    case 'other': {
      const ref = expense.receiptRef ? ` (receipt ${expense.receiptRef})` : '';
      const what = capitalise(`${expense.kind} ${formatNok(expense.amountOre)} NOK${ref}`);
      return zeroLine(expense.kind, 'receipt', 1, `${what}: ${reason}.`);
    }
    case 'meals': {
      const trip = `Meals for a trip of ${formatMinutes(hoursToMinutes(expense.tripHours))}, ${expense.km} km`;
      return zeroLine('meals', 'trip', 1, `${trip}: ${reason}.`);
    }
    default:
      return assertNever(expense);
  }
}

/** Documented outlays are refunded at cost; a refund of an outlay is not income. */
function receiptLine(
  ctx: CalculationContext,
  kind: ReceiptKind,
  amountOre: number,
  receiptRef?: string,
): HonorariumLine {
  const rule = ruleOf(ctx.guideline, 'receipts');
  const what = `${kind} ${formatNok(amountOre)} NOK${receiptRef ? ` (receipt ${receiptRef})` : ''}`;
  if (!rule || !rule.kinds.includes(kind)) {
    return zeroLine(
      kind,
      'receipt',
      1,
      citing(`${capitalise(what)} is not covered by this guideline.`, rule),
    );
  }
  if (rule.requireReceiptRef && !receiptRef) {
    return zeroLine(
      kind,
      'receipt',
      1,
      citing(`${capitalise(what)} has no receipt reference, which this guideline requires.`, rule),
    );
  }
  const explanation = citing(`${capitalise(what)} refunded at cost.`, rule);
  return paidLine(
    { kind, quantity: 1, unit: 'receipt', rateOre: amountOre, amountOre, explanation },
    taxRuleOf(ctx.guideline).receipts,
  );
}

/**
 * Meals (kost) at the state rate for the trip's length. When no state meal
 * rate is known for the day (2026 at the time of writing), the line pays 0 and
 * says so rather than guess or refuse the whole involvement: the rest is
 * still payable, and a correction adds the meals once a sourced rate exists.
 */
function mealLine(
  ctx: CalculationContext,
  tripHours: number,
  overnight: boolean,
  km: number,
): HonorariumLine {
  const rule = ruleOf(ctx.guideline, 'meals');
  const minutes = hoursToMinutes(tripHours);
  const trip = `Meals for a trip of ${formatMinutes(minutes)}, ${km} km${overnight ? ', with overnight stay' : ''}`;
  if (!rule) return zeroLine('meals', 'trip', 1, `${trip}: meals are not covered by this guideline.`);
  if (km <= rule.overKm)
    return zeroLine('meals', 'trip', 1, citing(`${trip}: paid only for trips over ${rule.overKm} km.`, rule));
  if (minutes < SIX_HOURS)
    return zeroLine('meals', 'trip', 1, citing(`${trip}: paid only for trips of 6 hours or more.`, rule));
  const state = stateTravelRatesOn(ctx.involvement.occurredOn, ctx.tables);
  if (!state?.meals) {
    const text = `${trip}: no state meal rate is known for ${ctx.involvement.occurredOn}, so nothing is calculated (never guessed).`;
    return zeroLine('meals', 'trip', 1, text);
  }
  ctx.used.stateTravel = state.effectiveFrom;
  const { rateOre, band } = mealRate(state.meals, minutes, overnight);
  const explanation = `${trip}: state rate for ${band} from ${state.effectiveFrom}, ${formatNok(rateOre)} NOK (source: ${state.meals.source}).`;
  return paidLine(
    { kind: 'meals', quantity: 1, unit: 'trip', rateOre, amountOre: rateOre, explanation },
    taxRuleOf(ctx.guideline).meals,
  );
}

/** 6–12 hours includes both ends; the overnight rate needs a trip over 12 hours. */
function mealRate(rates: MealRates, minutes: number, overnight: boolean): { rateOre: number; band: string } {
  if (minutes <= TWELVE_HOURS) return { rateOre: rates.sixToTwelveHoursOre, band: '6–12 hours' };
  if (overnight)
    return { rateOre: rates.overTwelveHoursOvernightOre, band: 'over 12 hours with overnight stay' };
  return { rateOre: rates.overTwelveHoursOre, band: 'over 12 hours without overnight stay' };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
