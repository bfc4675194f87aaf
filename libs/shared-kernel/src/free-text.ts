import { RuleViolation } from './domain-error';
import { checkNationalId } from './national-id';

/**
 * Free text (topics, summaries, reasons, names of projects…) ends up in the
 * event log, where nothing can be erased. A national identity number
 * (fødselsnummer or D-number) must never be written there, so every command
 * refuses free text that holds one, with this rule (422).
 */
export const FREE_TEXT_NATIONAL_ID_RULE = 'free-text-contains-national-id';

/** How people write a number grouped after the birth date: "150765 12345", "150765.12345", "150765-12345". */
const GROUP_SEPARATORS = new Set([' ', '\u00a0', '.', '-']);

const isDigit = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
};

/** The end of the run of digits starting at `from` (exclusive). */
function digitsEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text, i)) i += 1;
  return i;
}

/**
 * Whether the text holds a valid national identity number: 11 digits, or 6
 * digits, one separator (space, dot or dash) and 5 digits, that is not part of
 * a longer number and passes both mod-11 check digits and the birth-date check.
 * One pass over the text (each character is looked at most twice), no
 * regular expression, so any length answers in linear time.
 */
export function containsNationalId(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text, i)) {
      i += 1;
      continue;
    }
    const start = i;
    i = digitsEnd(text, i);
    const length = i - start;
    if (length === 11 && checkNationalId(text.slice(start, i)).valid) return true;
    if (length === 6 && i + 1 < text.length && GROUP_SEPARATORS.has(text[i]) && isDigit(text, i + 1)) {
      const end = digitsEnd(text, i + 1);
      if (end - (i + 1) === 5 && checkNationalId(text.slice(start, i) + text.slice(i + 1, end)).valid)
        return true;
    }
  }
  return false;
}

/**
 * The path (`expenses[0].description`) of the first string under `value`
 * that holds a national identity number, or null. Walks objects and arrays
 * with an explicit stack, so deep input cannot overflow the call stack.
 */
export function nationalIdPathIn(value: unknown, path: string): string | null {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [current, at] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (containsNationalId(current)) return at;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push([current[i], `${at}[${i}]`]);
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i -= 1)
        stack.push([entries[i][1], at === '' ? entries[i][0] : `${at}.${entries[i][0]}`]);
    }
  }
  return null;
}

/**
 * Refuses (422, `free-text-contains-national-id`) when any of the named
 * free-text fields, or any string inside them, holds a national identity
 * number. The message names the field, never the number.
 */
export function refuseNationalIdsInFreeText(fields: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(fields)) {
    const at = nationalIdPathIn(value, field);
    if (at !== null)
      throw new RuleViolation(
        FREE_TEXT_NATIONAL_ID_RULE,
        `Free text may not hold a national identity number (fødselsnummer or D-number), since the event log can never erase it: ${at} holds one; refer to a person by their participant id`,
      );
  }
}
