import { Guideline } from '../guideline/guideline.types';
import { Involvement } from '../involvement/involvement.types';
import { STATE_TAX_RULE } from '../../guidelines/state-tax.data';
import { HonorariumCalculation, HonorariumLine } from './honorarium-line.types';

/** An in-person council meeting of one hour on `occurredOn`, changed by `overrides`. */
export function anInvolvement(occurredOn: string, overrides: Partial<Involvement> = {}): Involvement {
  return {
    form: 'user-council',
    occurredOn,
    attendance: 'in-person',
    hours: { meeting: 1 },
    expenses: [],
    ...overrides,
  };
}

/** Lines reduced to what a hand calculation checks. */
export function amounts(result: HonorariumCalculation): [string, number, boolean][] {
  return result.lines.map((l: HonorariumLine) => [l.kind, l.amountOre, l.taxable]);
}

const SOURCE = 'https://example.org/synthetic-guideline';

/**
 * A guideline using every rule kind the shipped ones do not: tiered fees with
 * their own income type,
 * paid travel time, a flat undocumented lost income, a fixed per-km rate, a
 * receipt reference requirement, a general daily cap and guideline-worded
 * not-payable cases.
 */
export const SYNTHETIC_GUIDELINE: Guideline = {
  region: 'synthetic-test-region',
  issuer: 'Test issuer',
  version: '2020-01-01',
  effectiveFrom: '2020-01-01',
  label: 'illustrative',
  rules: [
    {
      kind: 'meeting-tiered',
      forms: [
        'user-council',
        'user-panel',
        'user-gathering',
        'user-group',
        'user-interview',
        'user-conversation',
        'dialogue',
      ],
      // Interviews are no verv, so this rule's forms are reported under their own income type.
      income: { taxable: true, incomeType: 'honorarAkkordProsentProvisjon', source: SOURCE },
      tiers: [
        { fromMinutes: 0, fee: { defaultOre: 50000, byRole: { leader: 70000 } } },
        { fromMinutes: 241, fee: { defaultOre: 90000, byRole: { leader: 120000 } } },
      ],
      source: SOURCE,
    },
    {
      kind: 'preparation',
      paid: true,
      rate: { defaultOre: 30000 },
      rounding: { mode: 'nearest', stepMinutes: 60 },
      capAtMeetingLength: true,
      source: SOURCE,
    },
    {
      kind: 'travel-time',
      paid: true,
      rate: { defaultOre: 20000 },
      rounding: { mode: 'each-started', stepMinutes: 15 },
      source: SOURCE,
    },
    {
      kind: 'lost-income',
      documented: { capPerDayOre: 100000 },
      undocumented: { flatPerDayOre: 60000 },
      source: SOURCE,
    },
    {
      kind: 'daily-cap',
      capOre: 150000,
      appliesTo: ['meeting', 'preparation', 'travel-time'],
      source: SOURCE,
    },
    {
      kind: 'not-payable',
      when: { form: 'user-interview', attendance: 'remote' },
      reason: 'Remote interviews are not paid.',
      source: SOURCE,
    },
    { kind: 'mileage', perKm: 300, source: SOURCE },
    { kind: 'receipts', kinds: ['ticket', 'lodging'], requireReceiptRef: true, source: SOURCE },
    { kind: 'meals', rates: 'state', overKm: 15, source: SOURCE },
    STATE_TAX_RULE,
  ],
};
