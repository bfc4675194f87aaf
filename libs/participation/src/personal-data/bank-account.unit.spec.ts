import fc from 'fast-check';
import { bankAccountProblem, checkBankAccount } from './bank-account';

/** Check digit computed here, apart from the code under test; null when it would be 10. */
function withCheckDigit(first10: string): string | null {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const rest = [...first10].reduce((sum, d, i) => sum + weights[i] * Number(d), 0) % 11;
  if (rest === 1) return null;
  return first10 + (rest === 0 ? 0 : 11 - rest);
}

describe('bank account number', () => {
  it('accepts a valid number written with dots or spaces, normalised to digits', () => {
    expect(checkBankAccount('1234.56.78903')).toEqual({ valid: true, value: '12345678903' });
    expect(checkBankAccount('1234 56 78903')).toEqual({ valid: true, value: '12345678903' });
    expect(checkBankAccount('12345678903')).toEqual({ valid: true, value: '12345678903' });
  });

  it('accepts check digit 0 when the remainder is 0', () => {
    let first10 = '';
    for (let i = 0; i < 100 && !first10; i++) {
      const candidate = `12345678${String(i).padStart(2, '0')}`;
      if (withCheckDigit(candidate) === `${candidate}0`) first10 = candidate;
    }
    expect(first10).not.toBe('');
    expect(checkBankAccount(`${first10}0`)).toEqual({ valid: true, value: `${first10}0` });
  });

  it('refuses every number whose remainder is 1', () => {
    let first10 = '';
    for (let i = 0; i < 100 && !first10; i++) {
      const candidate = `12345678${String(i).padStart(2, '0')}`;
      if (withCheckDigit(candidate) === null) first10 = candidate;
    }
    expect(first10).not.toBe('');
    for (let d = 0; d <= 9; d++) expect(bankAccountProblem(`${first10}${d}`)).toMatch(/cannot exist/);
  });

  it('refuses a wrong check digit, wrong length and other characters', () => {
    expect(bankAccountProblem('1234.56.78904')).toMatch(/does not match/);
    expect(bankAccountProblem('1234.56.7890')).toMatch(/11 digits/);
    expect(bankAccountProblem('1234-56-78903')).toMatch(/only digits/);
    expect(bankAccountProblem(12345678903)).toMatch(/text/);
  });

  it('agrees with an independent check digit on random numbers (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.integer({ min: 0, max: 9 }), (first10, last) => {
        const expected = withCheckDigit(first10);
        expect(checkBankAccount(first10 + last).valid).toBe(expected === `${first10}${last}`);
      }),
    );
  });
});
