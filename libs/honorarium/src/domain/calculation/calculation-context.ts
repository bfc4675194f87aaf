import { Ore, assertOre } from '@app/shared-kernel';
import { CalendarDate } from '../common/calendar-date';
import { AppointmentRole } from '../common/vocabulary';
import { Guideline, GuidelineRule, MeetingRule, TaxRule, TaxTreatment } from '../guideline/guideline.types';
import { Involvement } from '../involvement/involvement.types';
import { TravelRateTables } from '../travel-rates/travel-rates.types';
import { HonorariumLine, LineKind, LineUnit, NO_INCOME_TYPE } from './honorarium-line.types';

/** What every rule needs to price one involvement; `used` records which rate tables were read. */
export interface CalculationContext {
  guideline: Guideline;
  involvement: Involvement;
  role: AppointmentRole | null;
  tables: TravelRateTables;
  used: { stateTravel: CalendarDate | null; taxFreeMileage: CalendarDate | null };
  /** The pay rule that names the involvement's form; `null` when no honorarium is paid. */
  payRule: MeetingRule | null;
}

export function ruleOf<K extends GuidelineRule['kind']>(
  guideline: Guideline,
  kind: K,
): Extract<GuidelineRule, { kind: K }> | undefined {
  return guideline.rules.find((rule): rule is Extract<GuidelineRule, { kind: K }> => rule.kind === kind);
}

/** The validator guarantees exactly one tax rule. */
export function taxRuleOf(guideline: Guideline): TaxRule {
  const tax = ruleOf(guideline, 'tax');
  if (!tax) throw new Error(`Guideline ${guideline.region} ${guideline.version} has no tax rule`);
  return tax;
}

/** How time lines (meeting, preparation, travel time) are taxed: the form's own income type, else the tax rule's. */
export function honorariumTreatment(ctx: CalculationContext): TaxTreatment {
  return ctx.payRule?.income ?? taxRuleOf(ctx.guideline).honorarium;
}

/** Lost income is reported like the pay it replaces: the form's own income type, else the tax rule's. */
export function lostIncomeTreatment(ctx: CalculationContext): TaxTreatment {
  return ctx.payRule?.income ?? taxRuleOf(ctx.guideline).lostIncome;
}

export interface LineSpec {
  kind: LineKind;
  quantity: number;
  unit: LineUnit;
  rateOre: Ore;
  amountOre: Ore;
  explanation: string;
}

/** A paying line, taxed as its treatment says. */
export function paidLine(spec: LineSpec, treatment: TaxTreatment): HonorariumLine {
  assertOre(spec.amountOre, `${spec.kind} amount`);
  if (spec.amountOre < 0) throw new RangeError(`${spec.kind} amount must not be negative`);
  return { ...spec, taxable: treatment.taxable, incomeType: treatment.incomeType };
}

/** A line that pays nothing and says why, so a reader sees the claim was considered. */
export function zeroLine(
  kind: LineKind,
  unit: LineUnit,
  quantity: number,
  explanation: string,
): HonorariumLine {
  return {
    kind,
    quantity,
    unit,
    rateOre: 0,
    amountOre: 0,
    taxable: false,
    incomeType: NO_INCOME_TYPE,
    explanation,
  };
}

/** Appends the rule's note (why it reads as it does) and source to an explanation. */
export function citing(text: string, rule: { source: string; note?: string } | undefined): string {
  if (!rule) return text;
  return `${text}${rule.note ? ` ${rule.note}` : ''} (source: ${rule.source})`;
}
