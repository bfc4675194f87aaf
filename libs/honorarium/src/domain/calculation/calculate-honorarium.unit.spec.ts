import { RuleViolation } from '@app/shared-kernel';
import { HELSE_BERGEN_NEURO_SYSMED_2025_05_06 as BERGEN } from '../../guidelines/helse-bergen-neuro-sysmed.guideline';
import { HELSE_BERGEN_NEURO_SYSMED_2026_12_01 as BERGEN_2026 } from '../../guidelines/helse-bergen-neuro-sysmed-2026-12-01.guideline';
import { HELSE_MIDT_NORGE_2016_01_01 as MIDT } from '../../guidelines/helse-midt-norge.guideline';
import { HELSE_MIDT_NORGE_2026_12_01 as MIDT_2026 } from '../../guidelines/helse-midt-norge-2026-12-01.guideline';
import { AppointmentRole } from '../common/vocabulary';
import { Guideline, GuidelineRule, TaxTreatment } from '../guideline/guideline.types';
import { Involvement } from '../involvement/involvement.types';
import { calculateHonorarium } from './calculate-honorarium';
import { amounts, anInvolvement } from './calculation.spec-helper';

type Case = [
  name: string,
  guideline: Guideline,
  date: string,
  role: AppointmentRole | null,
  changes: Partial<Involvement>,
  lines: [string, number, boolean][],
];

const h = (minutes: number) => minutes / 60;

const VARIANT_SOURCE = 'https://example.org/variant-guideline';
/** A non-verv income type, for forms that are no seat on a board or council. */
const HONORAR: TaxTreatment = {
  taxable: true,
  incomeType: 'honorarAkkordProsentProvisjon',
  source: VARIANT_SOURCE,
};
const variant = (base: Guideline, change: (rules: GuidelineRule[]) => GuidelineRule[]): Guideline => ({
  ...base,
  rules: change([...base.rules]),
});
const coverWhen =
  (attendance: 'absent' | 'cancelled', expenses: ('ticket' | 'mileage')[]) => (r: GuidelineRule) =>
    r.kind === 'not-attended-expenses' && r.attendance === attendance ? { ...r, expenses } : r;
/** helse-midt-norge (paying by form, from 2026-12-01) as if it covered tickets for an absence. */
const MIDT_ABSENT_TICKETS = variant(MIDT_2026, (rules) => rules.map(coverWhen('absent', ['ticket'])));
/** helse-midt-norge as if it covered own car after a cancellation. */
const MIDT_CANCELLED_CAR = variant(MIDT_2026, (rules) => rules.map(coverWhen('cancelled', ['mileage'])));
/** helse-midt-norge plus a flat 500.00 NOK per interview, reported as honorar, not as a verv fee. */
const MIDT_INTERVIEW_FLAT = variant(MIDT_2026, (rules) => [
  ...rules,
  {
    kind: 'meeting-flat',
    forms: ['user-interview'],
    fee: { defaultOre: 50000 },
    income: HONORAR,
    source: VARIANT_SOURCE,
  },
]);
/** helse-midt-norge plus 300.00 NOK/h for conversations, to the nearest half hour. */
const MIDT_CONVERSATION_HOURLY = variant(MIDT_2026, (rules) => [
  ...rules,
  {
    kind: 'meeting-hourly',
    forms: ['user-conversation'],
    rate: { defaultOre: 30000 },
    rounding: { mode: 'nearest', stepMinutes: 30 },
    income: HONORAR,
    source: VARIANT_SOURCE,
  },
]);
/** A day under the versions that pay by form (from 2026-12-01). */
const DAY_2026 = '2026-12-07';
const TICKET_450 = { kind: 'ticket', amountOre: 45000, receiptRef: 'r-1' } as const;
const CAR_84_KM = { kind: 'mileage', km: 84 } as const;

describe('calculateHonorarium: the worked example of docs/guidelines.md', () => {
  const result = calculateHonorarium({
    guideline: MIDT,
    role: 'member',
    involvement: anInvolvement('2025-03-10', {
      hours: { meeting: 2.67, preparation: 1.17 },
      expenses: [{ kind: 'mileage', km: 84 }],
    }),
  });

  it('pays 2350.50 NOK = 235050 øre', () => {
    expect(result.totalOre).toBe(235050);
  });

  it('itemises meeting 3 h, preparation 1.5 h and mileage split 294.00 tax-free / 126.00 taxable', () => {
    expect(
      result.lines.map(({ kind, quantity, unit, rateOre, amountOre, taxable, incomeType }) => ({
        kind,
        quantity,
        unit,
        rateOre,
        amountOre,
        taxable,
        incomeType,
      })),
    ).toEqual([
      {
        kind: 'meeting',
        quantity: 3,
        unit: 'hour',
        rateOre: 42900,
        amountOre: 128700,
        taxable: true,
        incomeType: 'styrehonorarOgGodtgjoerelseVerv',
      },
      {
        kind: 'preparation',
        quantity: 1.5,
        unit: 'hour',
        rateOre: 42900,
        amountOre: 64350,
        taxable: true,
        incomeType: 'styrehonorarOgGodtgjoerelseVerv',
      },
      {
        kind: 'mileage',
        quantity: 84,
        unit: 'km',
        rateOre: 350,
        amountOre: 29400,
        taxable: false,
        incomeType: 'kilometergodtgjoerelseBil',
      },
      {
        kind: 'mileage',
        quantity: 84,
        unit: 'km',
        rateOre: 150,
        amountOre: 12600,
        taxable: true,
        incomeType: 'kilometergodtgjoerelseBil',
      },
    ]);
  });

  it('names the guideline version and the rate tables it used', () => {
    expect(result.guideline).toEqual({ region: 'helse-midt-norge', version: '2016-01-01' });
    expect(result.rateTables).toEqual({ stateTravel: '2025-01-01', taxFreeMileage: '2024-01-01' });
  });

  it('explains each line in words', () => {
    expect(result.lines[0].explanation).toContain(
      'Meeting 2 h 40 min, each started half hour counts: 3 h 0 min',
    );
    expect(result.lines[1].explanation).toContain('Preparation 1 h 10 min');
  });
});

// prettier-ignore
const cases: Case[] = [
  // meeting time, role-dependent rates (helse-midt-norge: each started half hour)
  ['leader rate', MIDT, '2025-03-10', 'leader', { hours: { meeting: 2.67 } }, [['meeting', 170100, true]]],
  ['deputy gets the default rate', MIDT, '2025-03-10', 'deputy', { hours: { meeting: 2.67 } }, [['meeting', 128700, true]]],
  ['experience consultant: no fee on top of salary (docs/adr/0027)', MIDT, '2025-03-10', 'experience-consultant', { hours: { meeting: 1 } }, [['meeting', 0, true]]],
  ['no appointment gets the default rate', MIDT, '2025-03-10', null, { hours: { meeting: 1 } }, [['meeting', 42900, true]]],
  ['exactly 2 h is 2 h', MIDT, '2025-03-10', 'member', { hours: { meeting: 2 } }, [['meeting', 85800, true]]],
  ['2 h 1 min starts a half hour', MIDT, '2025-03-10', 'member', { hours: { meeting: h(121) } }, [['meeting', 107250, true]]],
  ['exactly half an hour', MIDT, '2025-03-10', 'member', { hours: { meeting: 0.5 } }, [['meeting', 21450, true]]],
  ['31 min counts as 1 h', MIDT, '2025-03-10', 'member', { hours: { meeting: h(31) } }, [['meeting', 42900, true]]],
  // preparation: the member rate, capped at the meeting's rounded length
  ['preparation capped at meeting length', MIDT, '2025-03-10', 'member', { hours: { meeting: 1, preparation: 2.5 } }, [['meeting', 42900, true], ['preparation', 42900, true]]],
  ['cap uses the rounded meeting', MIDT, '2025-03-10', 'member', { hours: { meeting: h(61), preparation: 2 } }, [['meeting', 64350, true], ['preparation', 64350, true]]],
  ['leader prepares at the member rate', MIDT, '2025-03-10', 'leader', { hours: { meeting: 1, preparation: 1 } }, [['meeting', 56700, true], ['preparation', 42900, true]]],
  // travel time: not paid
  ['travel time not paid', MIDT, '2025-03-10', 'member', { hours: { meeting: 1, travel: 1.5 } }, [['meeting', 42900, true], ['travel-time', 0, false]]],
  // lost income: documented up to 1,886 NOK per day, undocumented nothing
  ['documented lost income', MIDT, '2025-03-10', 'member', { lostIncome: { documented: true, amountOre: 150000 } }, [['meeting', 42900, true], ['lost-income-documented', 150000, true]]],
  ['documented lost income capped per day', MIDT, '2025-03-10', 'member', { lostIncome: { documented: true, amountOre: 250000 } }, [['meeting', 42900, true], ['lost-income-documented', 188600, true]]],
  ['undocumented lost income not paid', MIDT, '2025-03-10', 'member', { lostIncome: { documented: false, amountOre: 50000 } }, [['meeting', 42900, true], ['lost-income-undocumented', 0, false]]],
  // mileage at the state rate in force on the day, across year boundaries
  ['mileage 2024-12-31 at 4.90', MIDT, '2024-12-31', 'member', { expenses: [{ kind: 'mileage', km: 100 }] }, [['meeting', 42900, true], ['mileage', 35000, false], ['mileage', 14000, true]]],
  ['mileage 2025-01-01 at 5.00', MIDT, '2025-01-01', 'member', { expenses: [{ kind: 'mileage', km: 100 }] }, [['meeting', 42900, true], ['mileage', 35000, false], ['mileage', 15000, true]]],
  ['mileage 2026-01-01 at 5.30', MIDT, '2026-01-01', 'member', { expenses: [{ kind: 'mileage', km: 100 }] }, [['meeting', 42900, true], ['mileage', 35000, false], ['mileage', 18000, true]]],
  ['decimal km round to whole km', MIDT, '2025-03-10', 'member', { expenses: [{ kind: 'mileage', km: 84.4 }] }, [['meeting', 42900, true], ['mileage', 29400, false], ['mileage', 12600, true]]],
  ['no state per-km rate before 2024', MIDT, '2023-06-01', 'member', { expenses: [{ kind: 'mileage', km: 100 }] }, [['meeting', 42900, true], ['mileage', 0, false]]],
  // meals (kost) at state rates, trips over 15 km
  ['meals 6 h exactly, 2025', MIDT, '2025-03-10', 'member', { expenses: [{ kind: 'meals', tripHours: 6, overnight: false, km: 40 }] }, [['meeting', 42900, true], ['meals', 38400, true]]],
  ['meals 12 h exactly is 6–12 h', MIDT, '2025-03-10', 'member', { expenses: [{ kind: 'meals', tripHours: 12, overnight: true, km: 40 }] }, [['meeting', 42900, true], ['meals', 38400, true]]],
  ['meals over 12 h, no overnight', MIDT, '2025-03-10', 'member', { expenses: [{ kind: 'meals', tripHours: 13, overnight: false, km: 40 }] }, [['meeting', 42900, true], ['meals', 71300, true]]],
  ['meals over 12 h, overnight', MIDT, '2025-03-10', 'member', { expenses: [{ kind: 'meals', tripHours: 13, overnight: true, km: 40 }] }, [['meeting', 42900, true], ['meals', 97700, true]]],
  ['meals 2024 rates', MIDT, '2024-06-01', 'member', { expenses: [{ kind: 'meals', tripHours: 8, overnight: false, km: 40 }, { kind: 'meals', tripHours: 14, overnight: false, km: 40 }, { kind: 'meals', tripHours: 14, overnight: true, km: 40 }] }, [['meeting', 42900, true], ['meals', 36900, true], ['meals', 68600, true], ['meals', 94000, true]]],
  ['meals: trip of 15 km is not over 15 km', MIDT, '2025-03-10', 'member', { expenses: [{ kind: 'meals', tripHours: 8, overnight: false, km: 15 }] }, [['meeting', 42900, true], ['meals', 0, false]]],
  ['meals: 15.5 km is over 15 km', MIDT, '2025-03-10', 'member', { expenses: [{ kind: 'meals', tripHours: 8, overnight: false, km: 15.5 }] }, [['meeting', 42900, true], ['meals', 38400, true]]],
  ['meals: under 6 h', MIDT, '2025-03-10', 'member', { expenses: [{ kind: 'meals', tripHours: 5.5, overnight: false, km: 40 }] }, [['meeting', 42900, true], ['meals', 0, false]]],
  ['meals 2026: no rate known, 0', MIDT, '2026-02-01', 'member', { expenses: [{ kind: 'meals', tripHours: 8, overnight: false, km: 40 }] }, [['meeting', 42900, true], ['meals', 0, false]]],
  // receipts at cost, tax-free
  ['receipts at cost', MIDT, '2025-03-10', 'member', { expenses: [{ kind: 'ticket', amountOre: 45000, receiptRef: 'r-1' }, { kind: 'lodging', amountOre: 120000 }, { kind: 'other', amountOre: 5000 }] }, [['meeting', 42900, true], ['ticket', 45000, false], ['lodging', 120000, false], ['other', 5000, false]]],
  // not payable
  ['peer support never paid', MIDT, '2025-03-10', null, { form: 'peer-support', expenses: [{ kind: 'mileage', km: 10 }] }, [['not-payable', 0, false]]],
  ['absence pays nothing', MIDT, '2025-03-10', 'member', { attendance: 'absent', hours: { meeting: 0 } }, [['not-payable', 0, false]]],
  ['gathering decided unpaid', MIDT, '2025-03-10', null, { form: 'user-gathering', honorariumDecision: 'unpaid' }, [['not-payable', 0, false]]],
  ['gathering decided paid', MIDT, '2025-03-10', null, { form: 'user-gathering', honorariumDecision: 'paid' }, [['meeting', 42900, true]]],
  // a gathering meeting's two decisions, once for everyone in it
  ['gathering meeting: honorarium and expenses', MIDT, '2025-03-10', null, { form: 'user-gathering', gatheringDecisions: { expensesCovered: true, honorariumPaid: true }, expenses: [{ kind: 'ticket', amountOre: 45000 }] }, [['meeting', 42900, true], ['ticket', 45000, false]]],
  ['gathering meeting: expenses only', MIDT, '2025-03-10', null, { form: 'user-gathering', gatheringDecisions: { expensesCovered: true, honorariumPaid: false }, hours: { meeting: 1, preparation: 1 }, expenses: [{ kind: 'ticket', amountOre: 45000 }] }, [['meeting', 0, false], ['preparation', 0, false], ['ticket', 45000, false]]],
  ['gathering meeting: honorarium only', MIDT, '2025-03-10', null, { form: 'user-gathering', gatheringDecisions: { expensesCovered: false, honorariumPaid: true }, expenses: [{ kind: 'mileage', km: 84 }] }, [['meeting', 42900, true], ['mileage', 0, false], ['mileage', 0, false]]],
  ['gathering meeting: neither', MIDT, '2025-03-10', null, { form: 'user-gathering', gatheringDecisions: { expensesCovered: false, honorariumPaid: false }, expenses: [{ kind: 'ticket', amountOre: 45000 }] }, [['not-payable', 0, false]]],
  // helse-bergen-neuro-sysmed: nearest half hour, at least 1 h in person
  ['nearest half hour: 2 h 15 min rounds up', BERGEN, '2025-06-10', null, { hours: { meeting: 2.25 } }, [['meeting', 88750, true]]],
  ['nearest half hour: 2 h 14 min rounds down', BERGEN, '2025-06-10', null, { hours: { meeting: h(134) } }, [['meeting', 71000, true]]],
  ['nearest half hour: 2 h 1 min rounds down', BERGEN, '2025-06-10', null, { hours: { meeting: h(121) } }, [['meeting', 71000, true]]],
  ['nearest half hour: 2 h 45 min rounds up', BERGEN, '2025-06-10', null, { hours: { meeting: 2.75 } }, [['meeting', 106500, true]]],
  ['at least 1 h in person', BERGEN, '2025-06-10', null, { hours: { meeting: 0.25 } }, [['meeting', 35500, true]]],
  ['no minimum remote', BERGEN, '2025-06-10', null, { attendance: 'remote', hours: { meeting: 0.25 } }, [['meeting', 17750, true]]],
  ['remote 12 min rounds to nothing', BERGEN, '2025-06-10', null, { attendance: 'remote', hours: { meeting: 0.2 } }, [['meeting', 0, true]]],
  ['preparation and travel time not paid', BERGEN, '2025-06-10', null, { hours: { meeting: 1, preparation: 1, travel: 2 } }, [['meeting', 35500, true], ['preparation', 0, false], ['travel-time', 0, false]]],
  ['documented lost income, no cap', BERGEN, '2025-06-10', null, { lostIncome: { documented: true, amountOre: 300000 } }, [['meeting', 35500, true], ['lost-income-documented', 300000, true]]],
  ['own car by agreement: nothing calculated', BERGEN, '2025-06-10', null, { expenses: [{ kind: 'mileage', km: 50 }] }, [['meeting', 35500, true], ['mileage', 0, false]]],
  ['ticket covered, lodging and meals not', BERGEN, '2025-06-10', null, { expenses: [{ kind: 'ticket', amountOre: 45000 }, { kind: 'lodging', amountOre: 80000 }, { kind: 'meals', tripHours: 8, overnight: false, km: 40 }] }, [['meeting', 35500, true], ['ticket', 45000, false], ['lodging', 0, false], ['meals', 0, false]]],
  ['absence, in the guideline’s words', BERGEN, '2025-06-10', null, { attendance: 'absent', hours: { meeting: 0 } }, [['not-payable', 0, false]]],
  // E2, cancelled (the organiser cancelled): no honorarium; documented expenses already incurred are covered.
  // A 450.00 ticket bought before the cancellation: 45000 øre at cost, tax-free. Own car 84 km: helse-midt-norge
  // adds nothing for a cancellation, so 0. Total 450.00.
  ['cancelled: the ticket is covered, own car not', MIDT_2026, DAY_2026, 'member', { attendance: 'cancelled', hours: { meeting: 0 }, expenses: [TICKET_450, CAR_84_KM] }, [['not-payable', 0, false], ['ticket', 45000, false], ['mileage', 0, false]]],
  // Hours logged before the cancellation (meeting 2 h, preparation 1 h) and 1,500.00 documented lost income: none paid.
  ['cancelled: hours and lost income are not paid', MIDT_2026, DAY_2026, 'member', { attendance: 'cancelled', hours: { meeting: 2, preparation: 1 }, lostIncome: { documented: true, amountOre: 150000 } }, [['not-payable', 0, false]]],
  // helse-bergen-neuro-sysmed covers tickets only, cancelled or not: ticket 450.00, lodging 800.00 → 0. Total 450.00.
  ['cancelled: Bergen covers the ticket, not lodging', BERGEN_2026, DAY_2026, null, { attendance: 'cancelled', hours: { meeting: 0 }, expenses: [TICKET_450, { kind: 'lodging', amountOre: 80000 }] }, [['not-payable', 0, false], ['ticket', 45000, false], ['lodging', 0, false]]],
  // A guideline that adds own car for a cancellation: 84 km × 5.30 (2026) = 445.20 = 84 × 3.50 = 294.00 tax-free
  // + 84 × 1.80 = 151.20 taxable.
  ['cancelled: own car where the guideline adds it', MIDT_CANCELLED_CAR, DAY_2026, 'member', { attendance: 'cancelled', hours: { meeting: 0 }, expenses: [CAR_84_KM] }, [['not-payable', 0, false], ['mileage', 29400, false], ['mileage', 15120, true]]],
  // A gathering decided unpaid (neither honorarium nor expenses) stays unpaid when it is then cancelled.
  ['gathering decided unpaid, then cancelled', MIDT_2026, DAY_2026, null, { form: 'user-gathering', honorariumDecision: 'unpaid', attendance: 'cancelled', hours: { meeting: 0 }, expenses: [TICKET_450] }, [['not-payable', 0, false]]],
  // E2, absent (the participant did not come): no honorarium; expenses only where the guideline says so.
  // helse-midt-norge names none for an absence: the 450.00 ticket → 0, with a line saying why. Total 0.
  ['absent: no expenses unless the guideline says so', MIDT_2026, DAY_2026, 'member', { attendance: 'absent', hours: { meeting: 0 }, expenses: [TICKET_450] }, [['not-payable', 0, false], ['ticket', 0, false]]],
  // A guideline covering tickets for an absence: ticket 450.00; own car 84 km is not listed → 0. Total 450.00.
  ['absent: the tickets the guideline covers', MIDT_ABSENT_TICKETS, DAY_2026, 'member', { attendance: 'absent', hours: { meeting: 0 }, expenses: [TICKET_450, CAR_84_KM] }, [['not-payable', 0, false], ['ticket', 45000, false], ['mileage', 0, false]]],
  // E4: a form the guideline names nothing for is not paid. The 1.5 h interview under helse-midt-norge was
  // 1.5 h × 429 = 643.50 as a verv fee; helse-midt-norge names no pay for interviews, so 0.
  ['interview: helse-midt-norge names no pay for it', MIDT_2026, DAY_2026, null, { form: 'user-interview', hours: { meeting: 1.5 } }, [['not-payable', 0, false]]],
  ['conversation: not named, not paid', MIDT_2026, DAY_2026, null, { form: 'user-conversation', hours: { meeting: 1 } }, [['not-payable', 0, false]]],
  ['dialogue: Bergen pays meetings only', BERGEN_2026, DAY_2026, null, { form: 'dialogue', hours: { meeting: 1 } }, [['not-payable', 0, false]]],
  // Not paid is about honorarium: preparation 1 h is not paid either, the 450.00 ticket is refunded by the receipts rule.
  ['interview: no honorarium, the ticket still refunded', MIDT_2026, DAY_2026, null, { form: 'user-interview', hours: { meeting: 1.5, preparation: 1 }, expenses: [TICKET_450] }, [['not-payable', 0, false], ['ticket', 45000, false]]],
  // A flat 500.00 per interview whatever its length (1.5 h); preparation 1 h 10 min, each started half hour = 1.5 h,
  // capped at the interview's actual 1.5 h: 1.5 × 429 = 643.50. Total 1,143.50.
  ['interview at a flat fee', MIDT_INTERVIEW_FLAT, DAY_2026, null, { form: 'user-interview', hours: { meeting: 1.5, preparation: h(70) } }, [['meeting', 50000, true], ['preparation', 64350, true]]],
  // Conversations at 300.00/h to the nearest half hour: 1 h 10 min → 1 h → 300.00.
  ['conversation at its own hourly rate', MIDT_CONVERSATION_HOURLY, DAY_2026, null, { form: 'user-conversation', hours: { meeting: h(70) } }, [['meeting', 30000, true]]],
  // History stays reproducible: the same interview on a day before 2026-12-01 is priced by helse-midt-norge
  // 2016-01-01, shipped before forms were named, which pays every form: 1.5 h × 429 = 643.50, as it always did.
  ['interview before 2026-12-01: the 2016-01-01 version pays it as it always did', MIDT, '2026-11-30', null, { form: 'user-interview', hours: { meeting: 1.5 } }, [['meeting', 64350, true]]],
  // An absence before 2026-12-01 pays nothing, receipts included, as under the old rules.
  ['absent before 2026-12-01: nothing, as the old version always paid', MIDT, '2026-11-30', 'member', { attendance: 'absent', hours: { meeting: 0 }, expenses: [TICKET_450] }, [['not-payable', 0, false], ['ticket', 0, false]]],
  ['absent before 2026-12-01 under Bergen: its own not-payable rule', BERGEN, '2026-11-30', null, { attendance: 'absent', hours: { meeting: 0 }, expenses: [TICKET_450] }, [['not-payable', 0, false]]],
  // Cancelled is new with the revised rules, so no day was ever priced with it: the cancellation rule applies under the
  // older versions too. helse-midt-norge 2016-01-01: ticket 450.00 at cost, own car 84 km not covered. Total 450.00.
  ['cancelled before 2026-12-01: documented outlays covered', MIDT, '2026-11-30', 'member', { attendance: 'cancelled', hours: { meeting: 0 }, expenses: [TICKET_450, CAR_84_KM] }, [['not-payable', 0, false], ['ticket', 45000, false], ['mileage', 0, false]]],
  // helse-bergen-neuro-sysmed 2025-05-06 covers tickets only: ticket 450.00, lodging 800.00 → 0. Total 450.00.
  ['cancelled before 2026-12-01 under Bergen: the ticket', BERGEN, '2026-11-30', null, { attendance: 'cancelled', hours: { meeting: 0 }, expenses: [TICKET_450, { kind: 'lodging', amountOre: 80000 }] }, [['not-payable', 0, false], ['ticket', 45000, false], ['lodging', 0, false]]],
];

describe.each(cases)('calculateHonorarium: %s', (_name, guideline, date, role, changes, expected) => {
  const result = calculateHonorarium({ guideline, role, involvement: anInvolvement(date, changes) });

  it('gives the hand-computed lines', () => {
    expect(amounts(result)).toEqual(expected);
  });

  it('totals the lines', () => {
    expect(result.totalOre).toBe(expected.reduce((sum, [, amount]) => sum + amount, 0));
  });
});

describe('calculateHonorarium: explanations of what was not paid', () => {
  it('says no meal rate is known rather than guess one', () => {
    const result = calculateHonorarium({
      guideline: MIDT,
      involvement: anInvolvement('2026-02-01', {
        expenses: [{ kind: 'meals', tripHours: 8, overnight: false, km: 40 }],
      }),
    });
    expect(result.lines[1].explanation).toContain('no state meal rate is known for 2026-02-01');
  });

  it("quotes the guideline's reason and source for an absence", () => {
    const result = calculateHonorarium({
      guideline: BERGEN,
      involvement: anInvolvement('2025-06-10', { attendance: 'absent', hours: { meeting: 0 } }),
    });
    expect(result.lines[0].explanation).toContain('Nothing is paid for illness or other absence.');
    expect(result.lines[0].explanation).toContain('helse-bergen.no');
  });

  it('says peer support is never paid', () => {
    const result = calculateHonorarium({
      guideline: MIDT,
      involvement: anInvolvement('2025-03-10', { form: 'peer-support' }),
    });
    expect(result.lines[0].explanation).toMatch(/never paid/);
  });
});

describe('calculateHonorarium: payment by form, absence and cancellation say why (issue 15, E2 and E4)', () => {
  const price = (guideline: Guideline, changes: Partial<Involvement>, date = DAY_2026) =>
    calculateHonorarium({ guideline, involvement: anInvolvement(date, changes) });

  it('a cancelled meeting: no honorarium, the lost income named, documented expenses covered', () => {
    const result = price(MIDT_2026, {
      attendance: 'cancelled',
      hours: { meeting: 0 },
      lostIncome: { documented: true, amountOre: 150000 },
      expenses: [TICKET_450, CAR_84_KM],
    });
    expect(result.lines[0].explanation).toContain('Cancelled by the organiser: no honorarium');
    expect(result.lines[0].explanation).toContain('nor the lost income claimed, 1500.00 NOK');
    expect(result.lines[0].explanation).toContain('Documented expenses already incurred');
    expect(result.lines[1].explanation).toBe(
      'Ticket 450.00 NOK (receipt r-1) refunded at cost. (source: https://www.regjeringen.no/no/tema/arbeidsliv/Statlig-arbeidsgiverpolitikk/statens-personalhandbok/sph-meldinger/2025/pm-2025-12-saravtale-om-dekning-av-utgifter-til-reise-og-kost-innenlands/id3143994/)',
    );
    expect(result.lines[2].explanation).toMatch(/^Own car 84 km: not covered after a cancellation/);
  });

  it('an absence: the expense line says the guideline covers none for an absence, citing it', () => {
    const result = price(MIDT_2026, { attendance: 'absent', hours: { meeting: 0 }, expenses: [TICKET_450] });
    expect(result.lines[0].explanation).toContain('Absent (the participant did not come): no honorarium');
    expect(result.lines[1].explanation).toMatch(
      /^Ticket 450.00 NOK \(receipt r-1\): not covered when absent/,
    );
    expect(result.lines[1].explanation).toContain('lovdata.no');
  });

  it('an interview helse-midt-norge names no pay for: a line says so, and no verv fee is reported', () => {
    const result = price(MIDT_2026, { form: 'user-interview', hours: { meeting: 1.5 } });
    expect(result.lines[0].explanation).toContain(
      'Guideline helse-midt-norge 2026-12-01 names no pay for user-interview (brukerintervju)',
    );
    expect(result.lines.map((l) => l.incomeType)).toEqual(['none']);
  });

  it("a form's own income type reports its time lines; a council stays a verv fee", () => {
    const interview = price(MIDT_INTERVIEW_FLAT, {
      form: 'user-interview',
      hours: { meeting: 1.5, preparation: 1 },
      lostIncome: { documented: true, amountOre: 10000 },
    });
    expect(interview.lines.map((l) => [l.kind, l.incomeType])).toEqual([
      ['meeting', 'honorarAkkordProsentProvisjon'],
      ['preparation', 'honorarAkkordProsentProvisjon'],
      ['lost-income-documented', 'honorarAkkordProsentProvisjon'],
    ]);
    expect(interview.lines[0].explanation).toContain('a flat fee of 500.00 NOK whatever its length');
    const council = price(MIDT_INTERVIEW_FLAT, { hours: { meeting: 1 } });
    expect(council.lines[0].incomeType).toBe('styrehonorarOgGodtgjoerelseVerv');
  });
});

describe('calculateHonorarium: refusals', () => {
  it('refuses a guideline version not yet in force on the day', () => {
    const call = () => calculateHonorarium({ guideline: BERGEN, involvement: anInvolvement('2025-05-05') });
    expect(call).toThrow(RuleViolation);
    expect(call).toThrow(/takes effect after 2025-05-05/);
  });

  it('refuses malformed input field by field', () => {
    const involvement = {
      ...anInvolvement('2025-03-10'),
      hours: { meeting: 25 },
      lostIncome: { documented: true, amountOre: 10.5 },
    };
    expect(() =>
      calculateHonorarium({ guideline: MIDT, involvement, role: 'chair' as AppointmentRole }),
    ).toThrow(
      expect.objectContaining({
        kind: 'validation',
        errors: [
          { field: 'involvement.hours.meeting', message: 'must be a number from 0 to 24' },
          { field: 'involvement.lostIncome.amountOre', message: 'must be a whole number of øre (integer)' },
          {
            field: 'role',
            message:
              'must be one of member, leader, deputy, experience-consultant, user-representative, next-of-kin-representative',
          },
        ],
      }),
    );
  });
});
