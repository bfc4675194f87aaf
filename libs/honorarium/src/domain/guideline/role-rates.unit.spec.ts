import { HELSE_BERGEN_NEURO_SYSMED_2025_05_06 as BERGEN } from '../../guidelines/helse-bergen-neuro-sysmed.guideline';
import { HELSE_MIDT_NORGE_2016_01_01 as MIDT } from '../../guidelines/helse-midt-norge.guideline';
import { calculateHonorarium } from '../calculation/calculate-honorarium';
import { amounts, anInvolvement } from '../calculation/calculation.spec-helper';
import { describeRate, rateFor } from './role-rates';

/** The role-rate mapping of revision 2 (docs/domain.md, docs/adr/0027), computed by hand. */
describe('role rates', () => {
  const rates = { defaultOre: 40000, byRole: { member: 42900, leader: 56700 } };

  it('pays user and next-of-kin representatives the member rate when the guideline names none of their own', () => {
    expect(rateFor(rates, 'user-representative')).toBe(42900);
    expect(rateFor(rates, 'next-of-kin-representative')).toBe(42900);
    expect(rateFor({ defaultOre: 35500 }, 'user-representative')).toBe(35500);
    expect(describeRate(rates, 'next-of-kin-representative')).toBe(
      'the member rate (role next-of-kin-representative)',
    );
  });

  it('pays an experience consultant no fee (salaried), unless the guideline names a rate for the role', () => {
    expect(rateFor(rates, 'experience-consultant')).toBe(0);
    expect(describeRate(rates, 'experience-consultant')).toMatch(/paid working time/);
    expect(rateFor({ ...rates, byRole: { 'experience-consultant': 20000 } }, 'experience-consultant')).toBe(
      20000,
    );
  });

  it.each([
    // helse-midt-norge, 2 h 40 min meeting + 1 h 10 min preparation: each started half hour, 429 NOK/h
    [
      'user-representative',
      MIDT,
      [
        ['meeting', 128700, true],
        ['preparation', 64350, true],
      ],
    ],
    [
      'next-of-kin-representative',
      MIDT,
      [
        ['meeting', 128700, true],
        ['preparation', 64350, true],
      ],
    ],
    [
      'experience-consultant',
      MIDT,
      [
        ['meeting', 0, true],
        ['preparation', 0, true],
      ],
    ],
  ] as const)('prices a %s under %s', (role, guideline, expected) => {
    const involvement = anInvolvement('2025-09-10', { hours: { meeting: 2.67, preparation: 1.17 } });
    expect(amounts(calculateHonorarium({ guideline, role, involvement }))).toEqual(expected);
  });

  it('still covers an experience consultant’s documented expenses (a ticket at cost)', () => {
    const involvement = anInvolvement('2025-09-10', {
      hours: { meeting: 2 },
      expenses: [{ kind: 'ticket', amountOre: 45000, receiptRef: 'R-1' }],
    });
    const result = calculateHonorarium({ guideline: BERGEN, role: 'experience-consultant', involvement });
    expect(amounts(result)).toEqual([
      ['meeting', 0, true],
      ['ticket', 45000, false],
    ]);
  });
});
