import fc from 'fast-check';
import { calculateHonorarium } from './calculate-honorarium';
import { SYNTHETIC_GUIDELINE } from './calculation.spec-helper';
import { dayArb, guidelineDayArb, involvementArb, roleArb } from './involvement.arbitraries.spec-helper';
import { HonorariumCalculation } from './honorarium-line.types';

type Day = ReturnType<typeof dayArb> extends fc.Arbitrary<infer T> ? T : never;

/** Each of the day's involvements priced with all the others, as the application does. */
function priceDay({ guideline, entries }: Day): HonorariumCalculation[] {
  return entries.map((entry) =>
    calculateHonorarium({
      guideline,
      involvement: entry.involvement,
      role: entry.role,
      orderKey: entry.orderKey,
      otherInvolvementsSameDay: entries.filter((other) => other !== entry),
    }),
  );
}

const sumOf = (results: HonorariumCalculation[], kinds: string[]) =>
  results
    .flatMap((r) => r.lines)
    .filter((l) => kinds.includes(l.kind))
    .reduce((sum, l) => sum + l.amountOre, 0);

describe('calculateHonorarium properties', () => {
  it('never pays a negative or fractional amount, and the total is the sum of the lines', () => {
    fc.assert(
      fc.property(dayArb(), (day) => {
        for (const result of priceDay(day)) {
          for (const line of result.lines) {
            expect(Number.isSafeInteger(line.amountOre) && line.amountOre >= 0).toBe(true);
            expect(Number.isSafeInteger(line.rateOre) && line.rateOre >= 0).toBe(true);
          }
          expect(result.totalOre).toBe(result.lines.reduce((sum, l) => sum + l.amountOre, 0));
        }
      }),
    );
  });

  it('gives the same output for the same input, whatever order the others come in, without changing the input', () => {
    fc.assert(
      fc.property(dayArb(), (day) => {
        const before = structuredClone(day.entries);
        const first = priceDay(day);
        expect(priceDay(day)).toEqual(first);
        expect(priceDay({ ...day, entries: [...day.entries].reverse() })).toEqual([...first].reverse());
        expect(day.entries).toEqual(before);
      }),
    );
  });

  it('never pays less for more meeting time', () => {
    const arb = guidelineDayArb().chain(({ guideline, date }) =>
      fc.record({
        guideline: fc.constant(guideline),
        involvement: involvementArb(date),
        others: fc.array(involvementArb(date), { maxLength: 2 }),
        role: roleArb,
        extraMinutes: fc.integer({ min: 0, max: 24 * 60 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ guideline, involvement, others, role, extraMinutes }) => {
        const otherInvolvementsSameDay = others.map((o, i) => ({ orderKey: `k${i}`, involvement: o }));
        const longer = {
          ...involvement,
          hours: {
            ...involvement.hours,
            meeting: Math.min(24, (Math.round(involvement.hours.meeting * 60) + extraMinutes) / 60),
          },
        };
        const base = calculateHonorarium({ guideline, involvement, role, otherInvolvementsSameDay });
        const more = calculateHonorarium({ guideline, involvement: longer, role, otherInvolvementsSameDay });
        expect(more.totalOre).toBeGreaterThanOrEqual(base.totalOre);
      }),
    );
  });

  it('keeps a day within every daily limit, however many involvements it has', () => {
    fc.assert(
      fc.property(dayArb([SYNTHETIC_GUIDELINE]), (day) => {
        const results = priceDay(day);
        expect(sumOf(results, ['meeting', 'preparation', 'travel-time'])).toBeLessThanOrEqual(150000);
        expect(sumOf(results, ['lost-income-documented'])).toBeLessThanOrEqual(100000);
        expect(sumOf(results, ['lost-income-undocumented'])).toBeLessThanOrEqual(60000);
      }),
    );
  });
});
