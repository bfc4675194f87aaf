import fc from 'fast-check';
import { checkNationalId, nationalIdProblem } from './national-id';

/**
 * Computes both check digits for nine leading digits, independently of the
 * code under test, so no real person's number appears in the tests.
 * Returns null when a check digit would be 10 (no valid number exists).
 */
function withCheckDigits(first9: string): string | null {
  const digits = [...first9].map(Number);
  const check = (weights: number[]) => {
    const rest = weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11;
    return rest === 0 ? 0 : 11 - rest;
  };
  const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === 10) return null;
  digits.push(k1);
  const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (k2 === 10) return null;
  return first9 + k1 + k2;
}

/** The first valid number for a birth date (DDMMYY) found by trying individual numbers from `from`. */
function numberFor(ddmmyy: string, from = 100): string {
  for (let i = from; i < 1000; i++) {
    const candidate = withCheckDigits(ddmmyy + String(i).padStart(3, '0'));
    if (candidate) return candidate;
  }
  throw new Error(`no valid number for ${ddmmyy}`);
}

const breakDigit = (value: string, index: number) =>
  value.slice(0, index) + ((Number(value[index]) + 1) % 10) + value.slice(index + 1);

describe('national identity number', () => {
  it('accepts a fødselsnummer with both check digits right', () => {
    const value = numberFor('150385');
    expect(checkNationalId(value)).toEqual({ valid: true, value, kind: 'fodselsnummer', synthetic: false });
  });

  it('accepts a D-number (day + 40)', () => {
    expect(checkNationalId(numberFor('550385'))).toMatchObject({
      valid: true,
      kind: 'd-number',
      synthetic: false,
    });
  });

  it('accepts synthetic test numbers: NAV month + 40 and Tenor month + 80', () => {
    expect(checkNationalId(numberFor('154385'))).toMatchObject({
      valid: true,
      kind: 'fodselsnummer',
      synthetic: true,
    });
    expect(checkNationalId(numberFor('158385'))).toMatchObject({
      valid: true,
      kind: 'fodselsnummer',
      synthetic: true,
    });
    expect(checkNationalId(numberFor('558385'))).toMatchObject({
      valid: true,
      kind: 'd-number',
      synthetic: true,
    });
  });

  it('drops spaces', () => {
    const value = numberFor('010190');
    expect(checkNationalId(`${value.slice(0, 6)} ${value.slice(6)}`)).toMatchObject({ valid: true, value });
  });

  it('refuses a wrong first or second check digit', () => {
    const value = numberFor('150385');
    expect(nationalIdProblem(breakDigit(value, 9))).toMatch(/first check digit/);
    expect(nationalIdProblem(breakDigit(value, 10))).toMatch(/second check digit/);
  });

  it('refuses digits whose check digit would be 10', () => {
    // Find nine digits whose first check digit is 10; any last two digits are then invalid.
    let first9 = '';
    for (let i = 100; i < 1000 && !first9; i++) {
      const digits = [...`150385${i}`].map(Number);
      const rest = [3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((s, w, j) => s + w * digits[j], 0) % 11;
      if (rest === 1) first9 = `150385${i}`;
    }
    expect(first9).not.toBe('');
    for (const tail of ['00', '10', '01', '99'])
      expect(nationalIdProblem(first9 + tail)).toMatch(/cannot exist/);
  });

  it('refuses birth dates that are not dates, even with right check digits', () => {
    for (const ddmmyy of ['320185', '001385', '150085', '151385', '153385', '290201']) {
      expect(nationalIdProblem(numberFor(ddmmyy))).toMatch(/not a date/);
    }
  });

  it('knows February 29 from the century the individual number gives', () => {
    expect(checkNationalId(numberFor('290200', 100)).valid).toBe(false); // 1900 was no leap year
    expect(checkNationalId(numberFor('290200', 500)).valid).toBe(true); // 2000 was
    expect(checkNationalId(numberFor('290284', 100)).valid).toBe(true);
  });

  it('refuses anything but 11 digits, and never echoes the number in the reason', () => {
    for (const input of ['', '1234567890', '123456789012', '1503851234a', 12345678901, null]) {
      expect(checkNationalId(input).valid).toBe(false);
    }
    const wrong = breakDigit(numberFor('150385'), 10);
    expect(nationalIdProblem(wrong)).not.toContain(wrong);
  });

  it('accepts every number with right check digits and a real date, and refuses it with any one digit changed (property)', () => {
    const first9 = fc
      .tuple(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2039-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 499 }),
      )
      .map(([d, i]) => {
        const two = (n: number) => String(n).padStart(2, '0');
        // An individual number whose century matches the year, so February 29 stays valid.
        const individual = d.getUTCFullYear() < 2000 ? i : 500 + i;
        return `${two(d.getUTCDate())}${two(d.getUTCMonth() + 1)}${two(d.getUTCFullYear() % 100)}${String(individual).padStart(3, '0')}`;
      });
    fc.assert(
      fc.property(first9, fc.integer({ min: 0, max: 10 }), (nine, index) => {
        const value = withCheckDigits(nine);
        fc.pre(value !== null);
        expect(checkNationalId(value).valid).toBe(true);
        // Every weight is 1–9 and 11 is prime, so one changed digit always changes the first check sum.
        expect(checkNationalId(breakDigit(value, index)).valid).toBe(false);
      }),
    );
  });
});
