import { FieldError, hasUnsafeCharacter, UNSAFE_TEXT_RULE, ValidationFailed } from '@app/shared-kernel';
import { checkBankAccount } from './bank-account';
import { checkNationalId } from './national-id';

/**
 * What the product knows about a participant as a person. It exists in
 * plaintext only in memory and in answers to authorised reads; events hold it
 * sealed (see PersonalDataVault).
 */
export type ParticipantPersonalData = {
  name: string;
  /** Fødselsnummer or D-number; finance needs it to report the honorarium (a-melding). */
  nationalId: string | null;
  bankAccount: string | null;
  email: string | null;
  address: string | null;
};

export type ParticipantPersonalDataInput = Partial<Record<keyof ParticipantPersonalData, unknown>>;

type Check = { valid: true; value: string } | { valid: false; reason: string };

/** Lengths are checked before any other look at the text, so no check ever runs over a huge string. */
const MAX_LENGTH: Record<keyof ParticipantPersonalData, number> = {
  name: 300,
  nationalId: 20,
  bankAccount: 30,
  /** RFC 5321's limit on a path, less the angle brackets. */
  email: 254,
  address: 500,
};

const checks: Record<keyof ParticipantPersonalData, (value: string) => Check> = {
  name: (v) => singleLine(v.trim()),
  nationalId: checkNationalId,
  bankAccount: checkBankAccount,
  email: (v) =>
    isEmailAddress(v.trim())
      ? { valid: true, value: v.trim() }
      : { valid: false, reason: 'must be an e-mail address' },
  address: (v) => singleLine(v.trim()),
};

/**
 * Deliberately loose: the mail server, not a pattern, is the judge of an
 * address. One '@', something before it, a dot inside the part after it, no
 * white space: one linear pass, no backtracking (a regular expression for the
 * same once took 20 s over "a@" + 150 000 dots + "@").
 */
function isEmailAddress(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0 || at !== text.lastIndexOf('@')) return false;
  const domain = text.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return dot > 0 && dot < domain.length - 1 && !/\s/.test(text);
}

/** Validates and normalises before sealing, because a sealed value can no longer be checked. */
export function parseParticipantPersonalData(input: ParticipantPersonalDataInput): ParticipantPersonalData {
  const errors: FieldError[] = [];
  const parsed = {} as Record<keyof ParticipantPersonalData, string | null>;
  for (const field of Object.keys(checks) as (keyof ParticipantPersonalData)[]) {
    const raw = input[field];
    parsed[field] = null;
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      if (field === 'name') errors.push({ field, message: 'is required' });
      continue;
    }
    const check: Check =
      typeof raw !== 'string'
        ? { valid: false, reason: 'must be text' }
        : raw.length > MAX_LENGTH[field]
          ? { valid: false, reason: `must be at most ${MAX_LENGTH[field]} characters` }
          : checks[field](raw);
    if (check.valid) parsed[field] = check.value;
    else errors.push({ field, message: check.reason });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return { ...parsed, name: parsed.name as string };
}

/** Names reach the payout file and the reports: one line, displayed in the order it is stored. */
function singleLine(value: string): Check {
  return hasUnsafeCharacter(value) ? { valid: false, reason: UNSAFE_TEXT_RULE } : { valid: true, value };
}
