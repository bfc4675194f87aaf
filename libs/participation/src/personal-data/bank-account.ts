import { mod11CheckDigit } from './national-id';

/**
 * Norwegian bank account numbers (kontonummer): 11 digits, the last a mod-11
 * check digit over the first ten with weights 5,4,3,2,7,6,5,4,3,2. A
 * remainder of 0 gives check digit 0; a remainder of 1 would need check digit
 * 10, so no valid account has those first ten digits. People write accounts
 * grouped ("1234.56.78903", "1234 56 78903"): dots and spaces are dropped.
 */
export type BankAccountCheck = { valid: true; value: string } | { valid: false; reason: string };

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

export function checkBankAccount(input: unknown): BankAccountCheck {
  if (typeof input !== 'string') return { valid: false, reason: 'must be text of 11 digits' };
  if (!/^[\d.\s]+$/.test(input)) return { valid: false, reason: 'may contain only digits, dots and spaces' };
  const value = input.replace(/[.\s]/g, '');
  if (!/^\d{11}$/.test(value)) return { valid: false, reason: 'must be 11 digits' };
  const check = mod11CheckDigit([...value].map(Number), WEIGHTS);
  if (check === null)
    return { valid: false, reason: 'is not a valid account number: its check digit cannot exist' };
  if (check !== Number(value[10]))
    return { valid: false, reason: 'is not a valid account number: check digit does not match' };
  return { valid: true, value };
}

/** The reason a value is not an account number, or null when it is one. */
export function bankAccountProblem(input: unknown): string | null {
  const check = checkBankAccount(input);
  return check.valid ? null : check.reason;
}
