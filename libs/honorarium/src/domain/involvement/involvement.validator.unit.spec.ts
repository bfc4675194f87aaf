import { ValidationFailed } from '@app/shared-kernel';
import { validateInvolvement } from './involvement.validator';

const valid = {
  participantId: 'p-1',
  form: 'user-council',
  occurredOn: '2025-03-10',
  attendance: 'in-person',
  hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
  expenses: [
    { kind: 'mileage', km: 84 },
    { kind: 'ticket', amountOre: 45000, receiptRef: 'r-1' },
    { kind: 'meals', tripHours: 8, overnight: false, km: 84 },
  ],
  lostIncome: { documented: true, amountOre: 150000 },
  honorariumDecision: 'paid',
  topic: 'Ny pasientreise-ordning',
};

function errorsOf(input: unknown): { field: string; message: string }[] {
  try {
    validateInvolvement(input);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors;
    throw error;
  }
  return [];
}

describe('validateInvolvement', () => {
  it("reads docs/api.md's example, keeping only what pays", () => {
    const { participantId: _p, topic: _t, ...paying } = valid;
    expect(validateInvolvement(valid)).toEqual(paying);
  });

  it.each([
    [{ hours: { meeting: 0 } }, 'hours.meeting', 'must be more than 0 unless absent or cancelled'],
    [{ hours: { meeting: 24.5 } }, 'hours.meeting', 'must be a number from 0 to 24'],
    [{ hours: { meeting: 1, preparation: -1 } }, 'hours.preparation', 'must be a number from 0 to 24'],
    [{ occurredOn: '2025-02-30' }, 'occurredOn', 'must be a real date YYYY-MM-DD'],
    [{ form: 'committee' }, 'form', expect.stringContaining('must be one of user-council')],
    [
      { form: 'user-gathering', honorariumDecision: undefined },
      'honorariumDecision',
      'is required for a user-gathering (paid or unpaid)',
    ],
    [{ lostIncome: { documented: true, amountOre: -5 } }, 'lostIncome.amountOre', 'must not be negative'],
    [
      { expenses: [{ kind: 'ticket', amountOre: 450.5 }] },
      'expenses[0].amountOre',
      'must be a whole number of øre (integer)',
    ],
    [
      { expenses: [{ kind: 'taxi', amountOre: 100 }] },
      'expenses[0].kind',
      expect.stringContaining('must be one of mileage'),
    ],
    [
      { expenses: [{ kind: 'mileage', km: 10, passengers: 2 }] },
      'expenses[0].passengers',
      'is not a known field',
    ],
  ])('refuses %j at %s', (change, field, message) => {
    expect(errorsOf({ ...valid, ...change })).toEqual([{ field, message }]);
  });

  it('accepts a cancellation with no meeting time (issue 15, E2)', () => {
    expect(validateInvolvement({ ...valid, attendance: 'cancelled', hours: { meeting: 0 } }).attendance).toBe(
      'cancelled',
    );
  });

  it('accepts an absence with no meeting time', () => {
    expect(validateInvolvement({ ...valid, attendance: 'absent', hours: { meeting: 0 } }).attendance).toBe(
      'absent',
    );
  });
});

describe('validateInvolvement: the shared PRICING_BOUNDS (issue 12, items 2 and 4)', () => {
  it.each([
    [{ expenses: [{ kind: 'ticket', amountOre: 10_000_001 }] }, 'expenses[0].amountOre'],
    [{ expenses: [{ kind: 'ticket', amountOre: Number.MAX_SAFE_INTEGER }] }, 'expenses[0].amountOre'],
    [{ lostIncome: { documented: true, amountOre: 10_000_001 } }, 'lostIncome.amountOre'],
    [{ expenses: [{ kind: 'mileage', km: 100_001 }] }, 'expenses[0].km'],
    [{ expenses: [{ kind: 'meals', tripHours: 25, overnight: false, km: 84 }] }, 'expenses[0].tripHours'],
    [{ expenses: Array.from({ length: 51 }, () => ({ kind: 'mileage', km: 1 })) }, 'expenses'],
  ])('refuses %j', (change, field) => {
    expect(errorsOf({ ...valid, ...change }).map((e) => e.field)).toEqual([field]);
  });

  it('prices what is exactly at the bounds', () => {
    const atBounds = {
      ...valid,
      expenses: [
        { kind: 'ticket', amountOre: 10_000_000 },
        { kind: 'mileage', km: 100_000 },
      ],
      lostIncome: { documented: true, amountOre: 10_000_000 },
    };
    expect(errorsOf(atBounds)).toEqual([]);
  });
});
