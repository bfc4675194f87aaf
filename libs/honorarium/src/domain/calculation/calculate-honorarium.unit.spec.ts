import { RuleViolation } from '@app/shared-kernel';
import { HELSE_BERGEN_NEURO_SYSMED_2025_05_06 as BERGEN } from '../../guidelines/helse-bergen-neuro-sysmed.guideline';
import { HELSE_MIDT_NORGE_2016_01_01 as MIDT } from '../../guidelines/helse-midt-norge.guideline';
import { AppointmentRole } from '../common/vocabulary';
import { Guideline } from '../guideline/guideline.types';
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
