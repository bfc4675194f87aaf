import fc from 'fast-check';
import { HELSE_BERGEN_NEURO_SYSMED_2025_05_06 as BERGEN } from '../../guidelines/helse-bergen-neuro-sysmed.guideline';
import { HELSE_MIDT_NORGE_2016_01_01 as MIDT } from '../../guidelines/helse-midt-norge.guideline';
import { APPOINTMENT_ROLES, ATTENDANCES, AppointmentRole, INVOLVEMENT_FORMS } from '../common/vocabulary';
import { Guideline } from '../guideline/guideline.types';
import { Expense, Involvement } from '../involvement/involvement.types';
import { SYNTHETIC_GUIDELINE } from './calculation.spec-helper';

export const GUIDELINES: Guideline[] = [MIDT, BERGEN, SYNTHETIC_GUIDELINE];

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates from 2016 to 2026, so every state-rate period (and the years before any) is drawn. */
export const dateArb = fc
  .record({
    year: fc.integer({ min: 2016, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${pad(month)}-${pad(day)}`);

/** Decimal hours as a timesheet gives them: whole minutes, sometimes with noise below a minute. */
const hoursArb = (max: number) => fc.integer({ min: 0, max: max * 60 }).map((minutes) => minutes / 60);

const expenseArb: fc.Arbitrary<Expense> = fc.oneof(
  fc.record({ kind: fc.constant('mileage' as const), km: fc.double({ min: 0, max: 2000, noNaN: true }) }),
  fc.record(
    {
      kind: fc.constantFrom('ticket' as const, 'lodging' as const, 'other' as const),
      amountOre: fc.integer({ min: 0, max: 5_000_000 }),
      receiptRef: fc.stringMatching(/^[a-z0-9-]{1,8}$/),
    },
    { requiredKeys: ['kind', 'amountOre'] },
  ),
  fc.record({
    kind: fc.constant('meals' as const),
    tripHours: hoursArb(24),
    overnight: fc.boolean(),
    km: fc.double({ min: 0, max: 500, noNaN: true }),
  }),
);

export const roleArb: fc.Arbitrary<AppointmentRole | null> = fc.constantFrom(null, ...APPOINTMENT_ROLES);

/** A valid involvement on `occurredOn` (docs/api.md's rules: meeting > 0 unless absent, gatherings decide). */
export function involvementArb(occurredOn: string): fc.Arbitrary<Involvement> {
  return fc
    .record(
      {
        form: fc.constantFrom(...INVOLVEMENT_FORMS),
        attendance: fc.constantFrom(...ATTENDANCES),
        meeting: hoursArb(24),
        preparation: hoursArb(24),
        travel: hoursArb(24),
        expenses: fc.array(expenseArb, { maxLength: 4 }),
        lostIncome: fc.record({
          documented: fc.boolean(),
          amountOre: fc.integer({ min: 0, max: 5_000_000 }),
        }),
        honorariumDecision: fc.constantFrom('paid' as const, 'unpaid' as const),
      },
      { requiredKeys: ['form', 'attendance', 'meeting', 'expenses'] },
    )
    .map(({ meeting, preparation, travel, form, honorariumDecision, ...rest }) => ({
      ...rest,
      form,
      occurredOn,
      hours: {
        meeting: meeting === 0 && rest.attendance !== 'absent' ? 0.5 : meeting,
        ...(preparation === undefined ? {} : { preparation }),
        ...(travel === undefined ? {} : { travel }),
      },
      ...(form === 'user-gathering'
        ? { honorariumDecision: honorariumDecision ?? 'paid' }
        : honorariumDecision
          ? { honorariumDecision }
          : {}),
    }));
}

/** A guideline and a day it is in force. */
export const guidelineDayArb = (guidelines: Guideline[] = GUIDELINES) =>
  fc.record({ guideline: fc.constantFrom(...guidelines), date: dateArb }).map(({ guideline, date }) => ({
    guideline,
    date: date < guideline.effectiveFrom ? guideline.effectiveFrom : date,
  }));

/** A guideline, a day it is in force, and that day's involvements with unique order keys. */
export const dayArb = (guidelines: Guideline[] = GUIDELINES) =>
  guidelineDayArb(guidelines)
    .chain(({ guideline, date }) =>
      fc.record({
        guideline: fc.constant(guideline),
        involvements: fc.array(fc.record({ involvement: involvementArb(date), role: roleArb }), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
    )
    .map(({ guideline, involvements }) => ({
      guideline,
      entries: involvements.map((entry, i) => ({ ...entry, orderKey: `key-${String(i).padStart(2, '0')}` })),
    }));
