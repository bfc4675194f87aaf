/**
 * Norwegian national identity numbers: fødselsnummer and D-number (issued to
 * people without a fødselsnummer; day + 40). Eleven digits DDMMYY III K1 K2,
 * both check digits mod 11.
 *
 * Synthetic test numbers are accepted too, so test and staging data never
 * needs a real person's number: NAV's synthetic numbers (and H-numbers) add
 * 40 to the month, Skatteetaten's Tenor test population adds 80. Such a
 * number is valid in form; `synthetic: true` tells the caller it belongs to
 * no one.
 *
 * Reasons never repeat the number: they end up in logs and error responses.
 */
export type NationalIdCheck =
  | { valid: true; value: string; kind: 'fodselsnummer' | 'd-number'; synthetic: boolean }
  | { valid: false; reason: string };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** Mod-11 check digit over `digits`; null when it would be 10, which no valid number has. */
export function mod11CheckDigit(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((acc, weight, i) => acc + weight * digits[i], 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

export function checkNationalId(input: unknown): NationalIdCheck {
  if (typeof input !== 'string') return invalid('must be text of 11 digits');
  const value = input.replace(/\s/g, '');
  if (!/^\d{11}$/.test(value)) return invalid('must be 11 digits');
  const d = [...value].map(Number);

  const k1 = mod11CheckDigit(d, K1_WEIGHTS);
  if (k1 === null)
    return invalid('is not a valid national identity number: its first check digit cannot exist');
  if (k1 !== d[9])
    return invalid('is not a valid national identity number: first check digit does not match');
  const k2 = mod11CheckDigit(d, K2_WEIGHTS);
  if (k2 === null)
    return invalid('is not a valid national identity number: its second check digit cannot exist');
  if (k2 !== d[10])
    return invalid('is not a valid national identity number: second check digit does not match');

  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const kind = day > 40 ? 'd-number' : 'fodselsnummer';
  if (kind === 'd-number') day -= 40;
  const synthetic = month > 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  const year = Number(value.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year, Number(value.slice(6, 9)))) {
    return invalid('is not a valid national identity number: its birth date is not a date');
  }
  return { valid: true, value, kind, synthetic };
}

/** The reason a value is not a national identity number, or null when it is one. */
export function nationalIdProblem(input: unknown): string | null {
  const check = checkNationalId(input);
  return check.valid ? null : check.reason;
}

function invalid(reason: string): NationalIdCheck {
  return { valid: false, reason };
}

/**
 * February 29 needs the century, which the individual number gives for the
 * ranges Skatteetaten defines; outside them, any year divisible by 4 passes.
 */
function daysInMonth(month: number, yy: number, individual: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const year = fullYear(yy, individual);
  const leap = year === null ? yy % 4 === 0 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

function fullYear(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  if (yy <= 39) return 2000 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  return null;
}
