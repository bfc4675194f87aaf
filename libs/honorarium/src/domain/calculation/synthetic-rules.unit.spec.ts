import { AppointmentRole } from '../common/vocabulary';
import { Involvement } from '../involvement/involvement.types';
import { calculateHonorarium } from './calculate-honorarium';
import { SYNTHETIC_GUIDELINE, amounts, anInvolvement } from './calculation.spec-helper';

const DAY = '2025-03-10';
const h = (minutes: number) => minutes / 60;

/** Rule kinds the shipped guidelines do not use, priced by hand. */
// prettier-ignore
const cases: [string, AppointmentRole | null, Partial<Involvement>, [string, number, boolean][]][] = [
  ['tier from 0: 4 h exactly', null, { hours: { meeting: 4 } }, [['meeting', 50000, true]]],
  ['tier from 241 min: 4 h 1 min', null, { hours: { meeting: h(241) } }, [['meeting', 90000, true]]],
  ['tiered leader fee', 'leader', { hours: { meeting: h(241) } }, [['meeting', 120000, true]]],
  ['preparation nearest hour, capped at the actual meeting under a tiered fee', null, { hours: { meeting: 1, preparation: 1.5 } }, [['meeting', 50000, true], ['preparation', 30000, true]]],
  ['preparation 29 min rounds to nothing', null, { hours: { meeting: 1, preparation: h(29) } }, [['meeting', 50000, true], ['preparation', 0, true]]],
  ['travel time, each started quarter hour', null, { hours: { meeting: 1, travel: h(31) } }, [['meeting', 50000, true], ['travel-time', 15000, true]]],
  ['documented lost income capped at 1000.00', null, { lostIncome: { documented: true, amountOre: 120000 } }, [['meeting', 50000, true], ['lost-income-documented', 100000, true]]],
  ['fixed 3.00/km is all tax-free (under 3.50)', null, { expenses: [{ kind: 'mileage', km: 10 }] }, [['meeting', 50000, true], ['mileage', 3000, false]]],
  ['receipt reference required', null, { expenses: [{ kind: 'ticket', amountOre: 30000 }, { kind: 'ticket', amountOre: 30000, receiptRef: 'k-7' }] }, [['meeting', 50000, true], ['ticket', 0, false], ['ticket', 30000, false]]],
  ['other outlays not covered', null, { expenses: [{ kind: 'other', amountOre: 1000, receiptRef: 'x' }] }, [['meeting', 50000, true], ['other', 0, false]]],
  ['guideline-worded not-payable case', null, { form: 'user-interview', attendance: 'remote' }, [['not-payable', 0, false]]],
  ['not-payable needs every condition', null, { form: 'user-interview', attendance: 'in-person' }, [['meeting', 50000, true]]],
];

describe.each(cases)('synthetic guideline: %s', (_name, role, changes, expected) => {
  it('gives the hand-computed lines', () => {
    const result = calculateHonorarium({
      guideline: SYNTHETIC_GUIDELINE,
      role,
      involvement: anInvolvement(DAY, changes),
    });
    expect(amounts(result)).toEqual(expected);
    expect(result.totalOre).toBe(expected.reduce((sum, [, amount]) => sum + amount, 0));
  });
});
