// Public surface of the honorarium context: the pure domain and the shipped data.
export * from './domain/common/calendar-date';
export * from './domain/common/minutes';
export { divideRoundHalfUp, payForMinutes } from './domain/common/integer-math';
export * from './domain/common/vocabulary';
export * from './domain/involvement/involvement.types';
export { validateInvolvement } from './domain/involvement/involvement.validator';
export * from './domain/guideline/guideline.types';
export { validateGuideline } from './domain/guideline/guideline.validator';
export { RULE_KINDS } from './domain/guideline/guideline-rule.reader';
export { guidelineInForce, inForceOn } from './domain/guideline/guideline-in-force';
export * from './domain/guideline/guideline-for-day';
export { rateFor } from './domain/guideline/role-rates';
export * from './domain/travel-rates/travel-rates.types';
export * from './domain/travel-rates/travel-rates.lookup';
export * from './domain/calculation/honorarium-line.types';
export {
  calculateHonorarium,
  type CalculateHonorariumInput,
} from './domain/calculation/calculate-honorarium';
export {
  allocateDailyLimits,
  dailyLimits,
  type DailyLimit,
  type DayEntry,
} from './domain/calculation/daily-cap.allocator';
export * from './guidelines/sources';
export * from './guidelines/income-types';
export { STATE_TAX_RULE } from './guidelines/state-tax.data';
export * from './guidelines/state-travel-rates.data';
export * from './guidelines/helse-bergen-neuro-sysmed.guideline';
export * from './guidelines/helse-bergen-neuro-sysmed-2026-12-01.guideline';
export * from './guidelines/helse-midt-norge.guideline';
export * from './guidelines/helse-midt-norge-2026-12-01.guideline';
export * from './guidelines/shipped-guidelines';
export * from './application/guideline-catalogue';
export * from './application/honorarium.module';
