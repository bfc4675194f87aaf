/**
 * The words of the yearly account as codes (what JSON carries) with their
 * bokmål labels (what people read). A label is never a code and a code never
 * changes once clients key on it.
 */
export const PERSPECTIVES = ['user', 'next-of-kin'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** Self-declared age bands; wide enough that a band rarely names one person. */
export const AGE_BANDS = ['under-18', '18-29', '30-49', '50-66', '67-79', '80-and-over'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Who gave (or withdrew) consent: the representative, or an admin holding their written consent. */
export const CONSENT_GIVERS = ['participant', 'admin-on-written-consent'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const TRAINING_AUDIENCES = ['representatives', 'staff'] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const MEASURE_STATUSES = ['planned', 'in-progress', 'done', 'postponed', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** The budget lines of the Helse Midt-Norge action plan's economy section. */
export const BUDGET_LINES = [
  'honorarium',
  'expenses',
  'lostIncome',
  'councilRunningCosts',
  'userOrganizationGrants',
  'training',
] as const;
export type BudgetLine = (typeof BUDGET_LINES)[number];

/** Spending the product cannot see in other records, entered by admins as it happens. */
export const RECORDED_SPENDING_LINES = ['councilRunningCosts', 'userOrganizationGrants'] as const;
export type RecordedSpendingLine = (typeof RECORDED_SPENDING_LINES)[number];

export const isOneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value);
