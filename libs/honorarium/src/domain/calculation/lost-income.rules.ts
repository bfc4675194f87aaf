import { formatNok } from '@app/shared-kernel';
import {
  CalculationContext,
  citing,
  lostIncomeTreatment,
  paidLine,
  ruleOf,
  zeroLine,
} from './calculation-context';
import { HonorariumLine } from './honorarium-line.types';

/**
 * Lost income as claimed. Per-day caps (documented) and the flat daily amount
 * (undocumented) hold across the participant's day, so they are applied later
 * by the daily-cap allocation, not here.
 */
export function lostIncomeLines(ctx: CalculationContext): HonorariumLine[] {
  const claim = ctx.involvement.lostIncome;
  if (!claim || claim.amountOre === 0) return [];
  const rule = ruleOf(ctx.guideline, 'lost-income');
  const treatment = lostIncomeTreatment(ctx);
  const claimed = formatNok(claim.amountOre);
  if (claim.documented) {
    if (!rule?.documented) {
      return [
        zeroLine(
          'lost-income-documented',
          'claim',
          1,
          citing(`Documented lost income ${claimed} NOK is not paid under this guideline.`, rule),
        ),
      ];
    }
    const cap = rule.documented.capPerDayOre;
    const limit = cap === null ? 'no daily cap stated' : `up to ${formatNok(cap)} NOK per day`;
    const explanation = citing(`Documented lost income ${claimed} NOK, paid as documented (${limit}).`, rule);
    return [
      paidLine(
        {
          kind: 'lost-income-documented',
          quantity: 1,
          unit: 'claim',
          rateOre: claim.amountOre,
          amountOre: claim.amountOre,
          explanation,
        },
        treatment,
      ),
    ];
  }
  if (!rule?.undocumented) {
    return [
      zeroLine(
        'lost-income-undocumented',
        'claim',
        1,
        citing(`Undocumented lost income ${claimed} NOK is not paid under this guideline.`, rule),
      ),
    ];
  }
  const flat = rule.undocumented.flatPerDayOre;
  const amount = Math.min(flat, claim.amountOre);
  const explanation = citing(
    `Undocumented lost income: the flat ${formatNok(flat)} NOK per day, never more than the ${claimed} NOK claimed.`,
    rule,
  );
  return [
    paidLine(
      {
        kind: 'lost-income-undocumented',
        quantity: 1,
        unit: 'claim',
        rateOre: amount,
        amountOre: amount,
        explanation,
      },
      treatment,
    ),
  ];
}
