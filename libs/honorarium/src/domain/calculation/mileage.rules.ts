import { formatNok } from '@app/shared-kernel';
import { multiplyOre } from '../common/integer-math';
import { MileageRule } from '../guideline/guideline.types';
import { stateTravelRatesOn, taxFreeMileageRateOn } from '../travel-rates/travel-rates.lookup';
import { CalculationContext, citing, paidLine, ruleOf, taxRuleOf, zeroLine } from './calculation-context';
import { HonorariumLine } from './honorarium-line.types';

/**
 * Own car: whole km (decimal km rounded with Math.round, as hours become
 * minutes) at the rate in force on the day, split into a tax-free line up to
 * the tax-free per-km rate and a taxable line for the excess.
 */
export function mileageLines(ctx: CalculationContext, kmInput: number): HonorariumLine[] {
  const km = Math.round(kmInput);
  const rule = ruleOf(ctx.guideline, 'mileage');
  const date = ctx.involvement.occurredOn;
  if (!rule) return [zeroLine('mileage', 'km', km, `Own car ${km} km is not covered by this guideline.`)];
  if (rule.perKm === 'by-agreement') {
    return [
      zeroLine(
        'mileage',
        'km',
        km,
        citing(
          `Own car ${km} km is paid by separate agreement; the guideline gives no per-km rate, so nothing is calculated here.`,
          rule,
        ),
      ),
    ];
  }
  const rate = perKmRate(ctx, rule);
  if (rate === null) {
    return [
      zeroLine(
        'mileage',
        'km',
        km,
        `Own car ${km} km: no state per-km rate is known for ${date}, so nothing is calculated (never guessed).`,
      ),
    ];
  }
  const taxFree = taxFreeMileageRateOn(date, ctx.tables);
  if (taxFree) ctx.used.taxFreeMileage = taxFree.effectiveFrom;
  const taxFreePerKm = Math.min(taxFree?.perKmOre ?? 0, rate.perKmOre);
  const excessPerKm = rate.perKmOre - taxFreePerKm;
  const tax = taxRuleOf(ctx.guideline);
  const whole = `${km} km × ${formatNok(rate.perKmOre)} NOK/km (${rate.description})`;
  const freeText = taxFree
    ? `tax-free part ${formatNok(taxFreePerKm)} NOK/km (tax-free rate from ${taxFree.effectiveFrom}, source: ${taxFree.source})`
    : `no tax-free per-km rate is known for ${date}, so all of it is taxable`;
  const lines: HonorariumLine[] = [];
  if (taxFreePerKm > 0 || excessPerKm === 0) {
    const explanation = `${whole}: ${freeText}.`;
    lines.push(
      paidLine(
        {
          kind: 'mileage',
          quantity: km,
          unit: 'km',
          rateOre: taxFreePerKm,
          amountOre: multiplyOre(km, taxFreePerKm),
          explanation,
        },
        tax.mileageTaxFree,
      ),
    );
  }
  if (excessPerKm > 0) {
    const explanation = taxFree
      ? `${whole}: taxable excess ${formatNok(excessPerKm)} NOK/km above the tax-free rate.`
      : `${whole}: ${freeText}.`;
    lines.push(
      paidLine(
        {
          kind: 'mileage',
          quantity: km,
          unit: 'km',
          rateOre: excessPerKm,
          amountOre: multiplyOre(km, excessPerKm),
          explanation,
        },
        tax.mileageTaxable,
      ),
    );
  }
  return lines;
}

function perKmRate(
  ctx: CalculationContext,
  rule: MileageRule,
): { perKmOre: number; description: string } | null {
  if (typeof rule.perKm === 'number')
    return { perKmOre: rule.perKm, description: `the guideline's rate, source: ${rule.source}` };
  const state = stateTravelRatesOn(ctx.involvement.occurredOn, ctx.tables);
  if (!state) return null;
  ctx.used.stateTravel = state.effectiveFrom;
  return {
    perKmOre: state.mileage.perKmOre,
    description: `state rate from ${state.effectiveFrom}, source: ${state.mileage.source}`,
  };
}
