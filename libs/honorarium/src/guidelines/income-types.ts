/**
 * Income types lines are reported under. Where the a-melding has a code, the
 * code is its `beskrivelse` as Skatteetaten spells it; `taxable` on the line
 * says whether the amount is trekkpliktig. Codes are part of the export
 * contract: add, never rename.
 */
export const INCOME_TYPES = {
  /** "Styrehonorarer og godtgjørelser i forbindelse med utførelse av verv": always taxable. */
  vervFees: 'styrehonorarOgGodtgjoerelseVerv',
  /** Car allowance (bilgodtgjørelse); the tax-free part and the taxable excess share the code. */
  carAllowance: 'kilometergodtgjoerelseBil',
  /** Taxable (trekkpliktig) meal allowance. */
  taxableMeals: 'reiseKost',
  /** Not an a-melding code: refunds of documented outlays are not income and are not reported. */
  outlayRefund: 'outlay-refund',
} as const;
