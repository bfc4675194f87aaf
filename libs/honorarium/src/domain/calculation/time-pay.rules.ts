import { formatNok } from '@app/shared-kernel';
import { payForMinutes } from '../shared/integer-math';
import {
  describeRounding,
  formatMinutes,
  hoursToMinutes,
  minutesAsHours,
  roundMinutes,
} from '../shared/minutes';
import { describeRate, rateFor } from '../guideline/role-rates';
import { MeetingHourlyRule, MeetingTieredRule } from '../guideline/guideline.types';
import { CalculationContext, citing, paidLine, ruleOf, taxRuleOf, zeroLine } from './calculation-context';
import { HonorariumLine } from './honorarium-line.types';

/** The meeting line, and the meeting length a preparation cap compares against. */
export function meetingLine(ctx: CalculationContext): { line: HonorariumLine; lengthForCap: number } {
  const hourly = ruleOf(ctx.guideline, 'meeting-hourly');
  const tiered = ruleOf(ctx.guideline, 'meeting-tiered');
  const actual = hoursToMinutes(ctx.involvement.hours.meeting);
  if (hourly) return hourlyMeeting(ctx, hourly, actual);
  if (tiered) return { line: tieredMeeting(ctx, tiered, actual), lengthForCap: actual };
  throw new Error(`Guideline ${ctx.guideline.region} ${ctx.guideline.version} has no meeting rule`);
}

function hourlyMeeting(ctx: CalculationContext, rule: MeetingHourlyRule, actual: number) {
  const rounded = roundMinutes(actual, rule.rounding);
  const min = rule.minimum;
  const raised =
    min !== undefined && min.attendance.includes(ctx.involvement.attendance) && rounded < min.minutes;
  const paid = raised ? min.minutes : rounded;
  const rate = rateFor(rule.rate, ctx.role);
  const floor = raised
    ? `, raised to the minimum ${formatMinutes(min.minutes)} when ${ctx.involvement.attendance}`
    : '';
  const explanation =
    `Meeting ${formatMinutes(actual)}, ${describeRounding(rule.rounding)}: ${formatMinutes(rounded)}${floor}; ` +
    `${minutesAsHours(paid)} h × ${formatNok(rate)} NOK/h, ${describeRate(rule.rate, ctx.role)}.`;
  const line = paidLine(
    {
      kind: 'meeting',
      quantity: minutesAsHours(paid),
      unit: 'hour',
      rateOre: rate,
      amountOre: payForMinutes(paid, rate),
      explanation: citing(explanation, rule),
    },
    taxRuleOf(ctx.guideline).honorarium,
  );
  return { line, lengthForCap: rounded };
}

function tieredMeeting(ctx: CalculationContext, rule: MeetingTieredRule, actual: number): HonorariumLine {
  const tier = [...rule.tiers].reverse().find((t) => t.fromMinutes <= actual) ?? rule.tiers[0];
  const fee = rateFor(tier.fee, ctx.role);
  const explanation = `Meeting ${formatMinutes(actual)} falls in the tier from ${formatMinutes(tier.fromMinutes)}: fee ${formatNok(fee)} NOK, ${describeRate(tier.fee, ctx.role)}.`;
  return paidLine(
    {
      kind: 'meeting',
      quantity: 1,
      unit: 'meeting',
      rateOre: fee,
      amountOre: fee,
      explanation: citing(explanation, rule),
    },
    taxRuleOf(ctx.guideline).honorarium,
  );
}

/** Preparation time; capped at the meeting's length when the guideline says so. */
export function preparationLines(ctx: CalculationContext, meetingLength: number): HonorariumLine[] {
  const hours = ctx.involvement.hours.preparation;
  const actual = hours === undefined ? 0 : hoursToMinutes(hours);
  if (actual === 0) return [];
  const rule = ruleOf(ctx.guideline, 'preparation');
  if (!rule || !rule.paid) {
    return [
      zeroLine(
        'preparation',
        'hour',
        0,
        citing(`Preparation ${formatMinutes(actual)} is not paid under this guideline.`, rule),
      ),
    ];
  }
  const rounded = roundMinutes(actual, rule.rounding);
  const capped = rule.capAtMeetingLength && rounded > meetingLength;
  const paid = capped ? meetingLength : rounded;
  const rate = rateFor(rule.rate, ctx.role);
  const cap = capped ? `, capped at the meeting's length ${formatMinutes(meetingLength)}` : '';
  const explanation =
    `Preparation ${formatMinutes(actual)}, ${describeRounding(rule.rounding)}: ${formatMinutes(rounded)}${cap}; ` +
    `${minutesAsHours(paid)} h × ${formatNok(rate)} NOK/h, ${describeRate(rule.rate, ctx.role)}.`;
  return [
    paidLine(
      {
        kind: 'preparation',
        quantity: minutesAsHours(paid),
        unit: 'hour',
        rateOre: rate,
        amountOre: payForMinutes(paid, rate),
        explanation: citing(explanation, rule),
      },
      taxRuleOf(ctx.guideline).honorarium,
    ),
  ];
}

/** Travel time: not paid unless the guideline says so. */
export function travelTimeLines(ctx: CalculationContext): HonorariumLine[] {
  const hours = ctx.involvement.hours.travel;
  const actual = hours === undefined ? 0 : hoursToMinutes(hours);
  if (actual === 0) return [];
  const rule = ruleOf(ctx.guideline, 'travel-time');
  if (!rule || !rule.paid) {
    return [
      zeroLine(
        'travel-time',
        'hour',
        0,
        citing(`Travel time ${formatMinutes(actual)} is not paid under this guideline.`, rule),
      ),
    ];
  }
  const paid = roundMinutes(actual, rule.rounding);
  const rate = rateFor(rule.rate, ctx.role);
  const explanation =
    `Travel time ${formatMinutes(actual)}, ${describeRounding(rule.rounding)}: ${formatMinutes(paid)}; ` +
    `${minutesAsHours(paid)} h × ${formatNok(rate)} NOK/h, ${describeRate(rule.rate, ctx.role)}.`;
  return [
    paidLine(
      {
        kind: 'travel-time',
        quantity: minutesAsHours(paid),
        unit: 'hour',
        rateOre: rate,
        amountOre: payForMinutes(paid, rate),
        explanation: citing(explanation, rule),
      },
      taxRuleOf(ctx.guideline).honorarium,
    ),
  ];
}
