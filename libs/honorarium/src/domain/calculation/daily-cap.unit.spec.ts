import { HELSE_MIDT_NORGE_2016_01_01 as MIDT } from '../../guidelines/helse-midt-norge.guideline';
import { Involvement, SameDayInvolvement } from '../involvement/involvement.types';
import { calculateHonorarium } from './calculate-honorarium';
import { SYNTHETIC_GUIDELINE as SYNTHETIC, amounts, anInvolvement } from './calculation.spec-helper';

const DAY = '2025-03-10';
/** Each 5 h meeting earns the 900.00 NOK long-meeting fee; the synthetic daily cap is 1500.00 NOK. */
const morning = anInvolvement(DAY, { hours: { meeting: 5 } });
const evening = anInvolvement(DAY, { hours: { meeting: 5 } });

function priced(involvement: Involvement, orderKey: string, others: SameDayInvolvement[]) {
  return calculateHonorarium({
    guideline: SYNTHETIC,
    involvement,
    orderKey,
    otherInvolvementsSameDay: others,
  });
}

describe('daily cap across two involvements on one day', () => {
  const first = priced(morning, 'a-morning', [{ orderKey: 'b-evening', involvement: evening }]);
  const second = priced(evening, 'b-evening', [{ orderKey: 'a-morning', involvement: morning }]);

  it('lets the involvement first in key order use the cap first', () => {
    expect(amounts(first)).toEqual([['meeting', 90000, true]]);
    expect(amounts(second)).toEqual([['meeting', 60000, true]]);
  });

  it('never exceeds the cap together', () => {
    expect(first.totalOre + second.totalOre).toBe(150000);
  });

  it('explains the reduction', () => {
    expect(second.lines[0].explanation).toContain(
      'Reduced by 300.00 NOK: the daily cap on meeting, preparation, travel-time is 1500.00 NOK per participant per day, 900.00 NOK of it used by earlier involvements that day.',
    );
  });

  it('does not depend on the order the others are passed in', () => {
    const third = anInvolvement(DAY, { hours: { meeting: 1 } });
    const others = [
      { orderKey: 'a-morning', involvement: morning },
      { orderKey: 'c-night', involvement: third },
    ];
    const forward = priced(evening, 'b-evening', others);
    const backward = priced(evening, 'b-evening', [...others].reverse());
    expect(forward).toEqual(backward);
  });

  it('puts an involvement without a key (being logged now) after every keyed one', () => {
    const now = calculateHonorarium({
      guideline: SYNTHETIC,
      involvement: morning,
      otherInvolvementsSameDay: [{ orderKey: 'z', involvement: evening }],
    });
    expect(now.totalOre).toBe(60000);
  });

  it('cuts the last covered lines first and leaves expenses alone', () => {
    const busy = anInvolvement(DAY, {
      hours: { meeting: 5, preparation: 2, travel: 1 },
      expenses: [{ kind: 'mileage', km: 10 }],
    });
    // uncapped: meeting 900.00, preparation 2 h × 300.00 = 600.00, travel 1 h × 200.00 = 200.00; cap 1500.00
    expect(amounts(calculateHonorarium({ guideline: SYNTHETIC, involvement: busy }))).toEqual([
      ['meeting', 90000, true],
      ['preparation', 60000, true],
      ['travel-time', 0, true],
      ['mileage', 3000, false],
    ]);
  });

  it('refuses two involvements with the same key, or on another day', () => {
    expect(() => priced(morning, 'k', [{ orderKey: 'k', involvement: evening }])).toThrow(
      'otherInvolvementsSameDay[0].orderKey: must be unique, k is used twice',
    );
    expect(() => priced(morning, 'a', [{ orderKey: 'b', involvement: anInvolvement('2025-03-11') }])).toThrow(
      'otherInvolvementsSameDay[0].involvement.occurredOn: must be the same day as the involvement (2025-03-10)',
    );
  });
});

describe('per-day lost income limits across involvements', () => {
  const claim = (amountOre: number, documented = true) =>
    anInvolvement(DAY, { lostIncome: { documented, amountOre } });

  it('caps documented lost income at 1886.00 NOK for the day (helse-midt-norge)', () => {
    const first = calculateHonorarium({
      guideline: MIDT,
      involvement: claim(150000),
      orderKey: '1',
      otherInvolvementsSameDay: [{ orderKey: '2', involvement: claim(100000) }],
    });
    const second = calculateHonorarium({
      guideline: MIDT,
      involvement: claim(100000),
      orderKey: '2',
      otherInvolvementsSameDay: [{ orderKey: '1', involvement: claim(150000) }],
    });
    expect(amounts(first)).toEqual([
      ['meeting', 42900, true],
      ['lost-income-documented', 150000, true],
    ]);
    expect(amounts(second)).toEqual([
      ['meeting', 42900, true],
      ['lost-income-documented', 38600, true],
    ]);
  });

  it('pays the flat undocumented amount once per day, never more than claimed (synthetic)', () => {
    const small = calculateHonorarium({ guideline: SYNTHETIC, involvement: claim(40000, false) });
    expect(amounts(small)).toEqual([
      ['meeting', 50000, true],
      ['lost-income-undocumented', 40000, true],
    ]);
    const later = calculateHonorarium({
      guideline: SYNTHETIC,
      involvement: claim(90000, false),
      otherInvolvementsSameDay: [{ orderKey: 'a', involvement: claim(40000, false) }],
    });
    expect(amounts(later)).toEqual([
      ['meeting', 50000, true],
      ['lost-income-undocumented', 20000, true],
    ]);
  });
});
