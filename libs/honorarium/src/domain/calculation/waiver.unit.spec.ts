import { HELSE_MIDT_NORGE_2016_01_01 as MIDT } from '../../guidelines/helse-midt-norge.guideline';
import { calculateHonorarium } from './calculate-honorarium';
import { amounts, anInvolvement, SYNTHETIC_GUIDELINE } from './calculation.spec-helper';

describe('calculateHonorarium: the participant’s own waiver', () => {
  const worked = (waived?: boolean) =>
    calculateHonorarium({
      guideline: MIDT,
      role: 'member',
      involvement: anInvolvement('2025-03-10', {
        hours: { meeting: 2.67, preparation: 1.17 },
        expenses: [{ kind: 'mileage', km: 84 }],
        ...(waived === undefined ? {} : { waived }),
      }),
    });

  it('pays no time but still covers expenses: the worked example keeps only its 420.00 NOK mileage', () => {
    const result = worked(true);
    expect(amounts(result)).toEqual([
      ['meeting', 0, false],
      ['preparation', 0, false],
      ['mileage', 29400, false],
      ['mileage', 12600, true],
    ]);
    expect(result.totalOre).toBe(42000);
  });

  it('says in each time line that it was waived and what it would have paid', () => {
    const [meeting, preparation] = worked(true).lines;
    expect(meeting.explanation).toMatch(
      /^Waived by the participant's own waiver; expenses are still covered/,
    );
    expect(meeting.explanation).toContain(worked().lines[0].explanation);
    expect(meeting.quantity).toBe(3);
    expect(meeting.rateOre).toBe(0);
    expect(preparation.explanation).toMatch(/^Waived/);
  });

  it('changes nothing when false or absent', () => {
    expect(worked(false)).toEqual(worked());
    expect(worked().totalOre).toBe(235050);
  });

  it('keeps lost income and travel time apart: lost income is covered, travel time is time pay', () => {
    const result = calculateHonorarium({
      guideline: SYNTHETIC_GUIDELINE,
      involvement: anInvolvement('2025-03-10', {
        hours: { meeting: 1, travel: 1 },
        lostIncome: { documented: true, amountOre: 80000 },
        waived: true,
      }),
    });
    const paying = result.lines.filter((l) => l.amountOre > 0).map((l) => l.kind);
    expect(paying).toEqual(['lost-income-documented']);
    expect(result.lines.find((l) => l.kind === 'travel-time')?.amountOre).toBe(0);
  });

  it('refuses a waived flag that is not true or false', () => {
    expect(() =>
      calculateHonorarium({
        guideline: MIDT,
        involvement: { ...anInvolvement('2025-03-10'), waived: 'yes' as never },
      }),
    ).toThrow(/waived/);
  });
});
