import { formatNok } from '@app/shared-kernel';
import { payForMinutes } from '../common/integer-math';
import {
  Rounding,
  describeRounding,
  formatMinutes,
  hoursToMinutes,
  minutesAsHours,
  roundMinutes,
} from '../common/minutes';
import { describeRate, rateFor } from '../guideline/role-rates';
import {
  MeetingFlatRule,
  MeetingHourlyRule,
  MeetingRule,
  MeetingTieredRule,
  RoleRates,
} from '../guideline/guideline.types';
import { assertNever } from '../common/vocabulary';
import {
  CalculationContext,
  citing,
  honorariumTreatment,
  paidLine,
  ruleOf,
  zeroLine,
} from './calculation-context';
import { HonorariumLine } from './honorarium-line.types';

type TimeKind = 'meeting' | 'preparation' | 'travel-time';
const LABEL: Record<TimeKind, string> = {
  meeting: 'Meeting',
  preparation: 'Preparation',
  'travel-time': 'Travel time',
};

/** The meeting line by the pay rule naming the form, and the meeting length a preparation cap compares against. */
export function meetingLine(
  ctx: CalculationContext,
  rule: MeetingRule,
): { line: HonorariumLine; lengthForCap: number } {
  const actual = hoursToMinutes(ctx.involvement.hours.meeting);
  switch (rule.kind) {
    case 'meeting-hourly':
      return hourlyMeeting(ctx, rule, actual);
    case 'meeting-tiered':
      return { line: tieredMeeting(ctx, rule, actual), lengthForCap: actual };
    case 'meeting-flat':
      return { line: flatMeeting(ctx, rule, actual), lengthForCap: actual };
    default:
      return assertNever(rule);
  }
}

/** Rounded first, then raised to the minimum: the floor is about being there, not about rounding. */
function hourlyMeeting(ctx: CalculationContext, rule: MeetingHourlyRule, actual: number) {
  const rounded = roundMinutes(actual, rule.rounding);
  const min = rule.minimum;
  const raised = !!min && min.attendance.includes(ctx.involvement.attendance) && rounded < min.minutes;
  const paid = raised ? min.minutes : rounded;
  const why = raised
    ? `, raised to the minimum ${formatMinutes(paid)} when ${ctx.involvement.attendance}`
    : '';
  return { line: hourlyLine(ctx, 'meeting', rule, { actual, rounded, paid, why }), lengthForCap: rounded };
}

function tieredMeeting(ctx: CalculationContext, rule: MeetingTieredRule, actual: number): HonorariumLine {
  const tier = [...rule.tiers].reverse().find((t) => t.fromMinutes <= actual) ?? rule.tiers[0];
  const fee = rateFor(tier.fee, ctx.role);
  const explanation =
    `Meeting ${formatMinutes(actual)} falls in the tier from ${formatMinutes(tier.fromMinutes)}: ` +
    `fee ${formatNok(fee)} NOK, ${describeRate(tier.fee, ctx.role)}.`;
  const spec = {
    kind: 'meeting' as const,
    quantity: 1,
    unit: 'meeting' as const,
    rateOre: fee,
    amountOre: fee,
  };
  return paidLine({ ...spec, explanation: citing(explanation, rule) }, honorariumTreatment(ctx));
}

function flatMeeting(ctx: CalculationContext, rule: MeetingFlatRule, actual: number): HonorariumLine {
  const fee = rateFor(rule.fee, ctx.role);
  const explanation =
    `${ctx.involvement.form} of ${formatMinutes(actual)}: a flat fee of ${formatNok(fee)} NOK whatever its length, ` +
    `${describeRate(rule.fee, ctx.role)}.`;
  const spec = {
    kind: 'meeting' as const,
    quantity: 1,
    unit: 'meeting' as const,
    rateOre: fee,
    amountOre: fee,
  };
  return paidLine({ ...spec, explanation: citing(capitalise(explanation), rule) }, honorariumTreatment(ctx));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Preparation time; capped at the meeting's length when the guideline says so. */
export function preparationLines(ctx: CalculationContext, meetingLength: number): HonorariumLine[] {
  const actual = hoursToMinutes(ctx.involvement.hours.preparation ?? 0);
  if (actual === 0) return [];
  const rule = ruleOf(ctx.guideline, 'preparation');
  if (!rule?.paid) return [unpaidTime('preparation', actual, rule)];
  const rounded = roundMinutes(actual, rule.rounding);
  const capped = rule.capAtMeetingLength && rounded > meetingLength;
  const paid = capped ? meetingLength : rounded;
  const why = capped ? `, capped at the meeting's length ${formatMinutes(meetingLength)}` : '';
  return [hourlyLine(ctx, 'preparation', rule, { actual, rounded, paid, why })];
}

/** Travel time: not paid unless the guideline says so. */
export function travelTimeLines(ctx: CalculationContext): HonorariumLine[] {
  const actual = hoursToMinutes(ctx.involvement.hours.travel ?? 0);
  if (actual === 0) return [];
  const rule = ruleOf(ctx.guideline, 'travel-time');
  if (!rule?.paid) return [unpaidTime('travel-time', actual, rule)];
  const rounded = roundMinutes(actual, rule.rounding);
  return [hourlyLine(ctx, 'travel-time', rule, { actual, rounded, paid: rounded, why: '' })];
}

/** One hourly line: `paid` whole minutes at the role's hourly rate, with the arithmetic in words. */
function hourlyLine(
  ctx: CalculationContext,
  kind: TimeKind,
  rule: { rate: RoleRates; rounding: Rounding; source: string; note?: string },
  time: { actual: number; rounded: number; paid: number; why: string },
): HonorariumLine {
  const rate = rateFor(rule.rate, ctx.role);
  const hours = minutesAsHours(time.paid);
  const explanation =
    `${LABEL[kind]} ${formatMinutes(time.actual)}, ${describeRounding(rule.rounding)}: ${formatMinutes(time.rounded)}${time.why}; ` +
    `${hours} h × ${formatNok(rate)} NOK/h, ${describeRate(rule.rate, ctx.role)}.`;
  return paidLine(
    {
      kind,
      quantity: hours,
      unit: 'hour',
      rateOre: rate,
      amountOre: payForMinutes(time.paid, rate),
      explanation: citing(explanation, rule),
    },
    honorariumTreatment(ctx),
  );
}

function unpaidTime(
  kind: TimeKind,
  actual: number,
  rule: { source: string; note?: string } | undefined,
): HonorariumLine {
  return zeroLine(
    kind,
    'hour',
    0,
    citing(`${LABEL[kind]} ${formatMinutes(actual)} is not paid under this guideline.`, rule),
  );
}
