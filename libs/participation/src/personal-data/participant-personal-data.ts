import { FieldError, ValidationFailed } from '@app/shared-kernel';
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

// Deliberately loose: the mail server, not a regex, is the judge of an address.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const checks: Record<keyof ParticipantPersonalData, (value: string) => Check> = {
  name: (v) => maxLength(v.trim(), 300),
  nationalId: checkNationalId,
  bankAccount: checkBankAccount,
  email: (v) =>
    EMAIL.test(v.trim())
      ? { valid: true, value: v.trim() }
      : { valid: false, reason: 'must be an e-mail address' },
  address: (v) => maxLength(v.trim(), 500),
};

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
      typeof raw === 'string' ? checks[field](raw) : { valid: false, reason: 'must be text' };
    if (check.valid) parsed[field] = check.value;
    else errors.push({ field, message: check.reason });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return { ...parsed, name: parsed.name as string };
}

function maxLength(value: string, max: number): Check {
  return value.length <= max
    ? { valid: true, value }
    : { valid: false, reason: `must be at most ${max} characters` };
}
