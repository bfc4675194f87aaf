/**
 * Valid test data for the personal-data fields, so nobody types a real
 * person's number into a demo or a test system.
 *
 * National identity numbers: Skatteetaten's synthetic test population
 * (Tenor) adds 80 to the birth month; the API accepts such numbers as valid in
 * form and they belong to no one. Both check digits are mod 11 (weights
 * 3,7,6,1,8,9,4,5,2 and 5,4,3,2,7,6,5,4,3,2); an individual number whose
 * check digit would be 10 is skipped.
 *
 * Bank accounts (kontonummer): 11 digits, the last a mod-11 check digit over
 * the first ten (weights 5,4,3,2,7,6,5,4,3,2).
 */
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function mod11(digits: number[], weights: number[]): number | null {
  const r = 11 - (digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11);
  return r === 11 ? 0 : r === 10 ? null : r;
}

/** A synthetic national id for a birth date `ddmmyy` (month + 80), the first valid one from `individual`. */
export function syntheticNationalId(ddmmyy: string, individual = 100): string {
  if (!/^\d{6}$/.test(ddmmyy)) throw new TypeError('birth date as ddmmyy');
  const synthetic = `${ddmmyy.slice(0, 2)}${String(Number(ddmmyy.slice(2, 4)) + 80)}${ddmmyy.slice(4)}`;
  for (let n = individual; n < individual + 1000; n += 1) {
    const base = `${synthetic}${String(n % 1000).padStart(3, '0')}`.split('').map(Number);
    const k1 = mod11(base, K1);
    if (k1 === null) continue;
    const k2 = mod11([...base, k1], K2);
    if (k2 === null) continue;
    return `${base.join('')}${k1}${k2}`;
  }
  throw new Error(`no synthetic national id for ${ddmmyy}`);
}

/** A bank account number with a valid check digit: bank code `bank` (4 digits), then counting from `serial`. */
export function testBankAccount(bank = '1234', serial = 1): string {
  for (let n = serial; ; n += 1) {
    const base = `${bank}${String(n).padStart(6, '0')}`.split('').map(Number);
    const check = mod11(base, K2);
    if (check !== null) return `${base.join('')}${check}`;
  }
}
