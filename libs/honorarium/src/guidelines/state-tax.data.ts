import { TaxRule } from '../domain/guideline/guideline.types';
import { INCOME_TYPES } from './income-types';
import { SKATTEETATEN_PAY_AND_BENEFITS, SKATTEETATEN_VERV, TAX_FREE_RATES_2024 } from './sources';

/**
 * The national tax split both shipped guidelines use. Honorarium and lost
 * income are fees for a verv: taxable, reported with tax withheld (the payee's
 * national identity number is needed). Mileage is tax-free up to the tax-free
 * per-km rate, the excess taxable. Receipts refund outlays: not income.
 */
export const STATE_TAX_RULE: TaxRule = {
  kind: 'tax',
  honorarium: { taxable: true, incomeType: INCOME_TYPES.vervFees, source: SKATTEETATEN_VERV },
  lostIncome: { taxable: true, incomeType: INCOME_TYPES.vervFees, source: SKATTEETATEN_VERV },
  mileageTaxFree: { taxable: false, incomeType: INCOME_TYPES.carAllowance, source: TAX_FREE_RATES_2024 },
  mileageTaxable: { taxable: true, incomeType: INCOME_TYPES.carAllowance, source: TAX_FREE_RATES_2024 },
  meals: { taxable: true, incomeType: INCOME_TYPES.taxableMeals, source: SKATTEETATEN_PAY_AND_BENEFITS },
  receipts: { taxable: false, incomeType: INCOME_TYPES.outlayRefund, source: SKATTEETATEN_PAY_AND_BENEFITS },
  source: SKATTEETATEN_VERV,
  note:
    'Lost income paid for a verv is reported as a verv fee. No tax-free limit for meals is sourced, ' +
    'so meal allowances are reported whole as taxable reiseKost rather than split on a guessed limit.',
};
