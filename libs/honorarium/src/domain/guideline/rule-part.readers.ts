import { Ore } from '@app/shared-kernel';
import { FieldReader, fieldPath } from '../common/field-reader';
import { ROUNDING_MODES, Rounding } from '../common/minutes';
import {
  APPOINTMENT_ROLES,
  ATTENDANCES,
  Attendance,
  INVOLVEMENT_FORMS,
  InvolvementForm,
} from '../common/vocabulary';
import { MeetingTieredRule, RoleRates, TaxTreatment } from './guideline.types';
import { rateFor } from './role-rates';

export const MINUTES_PER_DAY = 24 * 60;

export function readRoleRates(r: FieldReader, value: unknown, path: string): RoleRates | undefined {
  const raw = r.object(value, path, ['defaultOre', 'byRole']);
  if (!raw) return undefined;
  const defaultOre = r.ore(raw.defaultOre, fieldPath(path, 'defaultOre'));
  if (raw.byRole === undefined) return defaultOre === undefined ? undefined : { defaultOre };
  const byRolePath = fieldPath(path, 'byRole');
  const byRoleRaw = r.object(raw.byRole, byRolePath, APPOINTMENT_ROLES) ?? {};
  const byRole: RoleRates['byRole'] = {};
  for (const role of APPOINTMENT_ROLES) {
    if (byRoleRaw[role] === undefined) continue;
    const ore = r.ore(byRoleRaw[role], fieldPath(byRolePath, role));
    if (ore !== undefined) byRole[role] = ore;
  }
  return defaultOre === undefined ? undefined : { defaultOre, byRole };
}

export function readRounding(r: FieldReader, value: unknown, path: string): Rounding | undefined {
  const raw = r.object(value, path, ['mode', 'stepMinutes']);
  if (!raw) return undefined;
  const mode = r.oneOf(raw.mode, fieldPath(path, 'mode'), ROUNDING_MODES);
  const stepMinutes = r.wholeNumber(raw.stepMinutes, fieldPath(path, 'stepMinutes'), 1, MINUTES_PER_DAY);
  return mode && stepMinutes ? { mode, stepMinutes } : undefined;
}

/**
 * The forms a pay rule pays: required, at least one, no repeats, never peer
 * support (voluntary, never paid). Whether two rules name the same form is
 * checked over the whole guideline.
 */
export function readForms(r: FieldReader, value: unknown, path: string): InvolvementForm[] | undefined {
  if (value === undefined)
    return r.fail(path, 'is required: name the forms this rule pays (a form no rule names is not paid)');
  const items = r.array(value, path, 1);
  if (!items) return undefined;
  const forms = items.map((item, i) => {
    if (item === 'peer-support')
      return r.fail(fieldPath(path, i), 'must not be peer-support: peer support is never paid');
    return r.oneOf(item, fieldPath(path, i), INVOLVEMENT_FORMS);
  });
  if (new Set(forms).size !== forms.length) r.fail(path, 'must not repeat a form');
  return forms.some((f) => f === undefined) ? undefined : (forms as InvolvementForm[]);
}

export function readMinimum(
  r: FieldReader,
  value: unknown,
  path: string,
): { minutes: number; attendance: Attendance[] } | undefined {
  const raw = r.object(value, path, ['minutes', 'attendance']);
  if (!raw) return undefined;
  const minutes = r.wholeNumber(raw.minutes, fieldPath(path, 'minutes'), 0, MINUTES_PER_DAY);
  const list = r.array(raw.attendance, fieldPath(path, 'attendance'), 1) ?? [];
  const attendance = list.map((a, i) => r.oneOf(a, fieldPath(fieldPath(path, 'attendance'), i), ATTENDANCES));
  if (minutes === undefined || attendance.some((a) => a === undefined)) return undefined;
  return { minutes, attendance: attendance as Attendance[] };
}

/**
 * Tiers start at 0 minutes and ascend, and a longer meeting never earns a
 * smaller fee for any role: more time must never pay less.
 */
export function readTiers(
  r: FieldReader,
  value: unknown,
  path: string,
): MeetingTieredRule['tiers'] | undefined {
  const items = r.array(value, path, 1);
  if (!items) return undefined;
  const tiers = items.map((item, i) => {
    const at = fieldPath(path, i);
    const raw = r.object(item, at, ['fromMinutes', 'fee']);
    const fromMinutes = r.wholeNumber(raw?.fromMinutes, fieldPath(at, 'fromMinutes'), 0, MINUTES_PER_DAY);
    const fee = readRoleRates(r, raw?.fee, fieldPath(at, 'fee'));
    return fromMinutes === undefined || !fee ? undefined : { fromMinutes, fee };
  });
  if (tiers.some((t) => t === undefined)) return undefined;
  const valid = tiers as MeetingTieredRule['tiers'];
  if (valid[0].fromMinutes !== 0)
    r.fail(fieldPath(fieldPath(path, 0), 'fromMinutes'), 'must be 0: every meeting needs a tier');
  for (let i = 1; i < valid.length; i++) {
    const at = fieldPath(path, i);
    if (valid[i].fromMinutes <= valid[i - 1].fromMinutes) r.fail(fieldPath(at, 'fromMinutes'), 'must ascend');
    for (const role of [null, ...APPOINTMENT_ROLES]) {
      if (rateFor(valid[i].fee, role) < rateFor(valid[i - 1].fee, role)) {
        r.fail(fieldPath(at, 'fee'), `must not be lower than the tier before (${role ?? 'default'})`);
        break;
      }
    }
  }
  return valid;
}

export function readPerKm(
  r: FieldReader,
  value: unknown,
  path: string,
): 'state' | 'by-agreement' | Ore | undefined {
  if (value === 'state' || value === 'by-agreement') return value;
  if (typeof value === 'string') return r.fail(path, "must be 'state', 'by-agreement' or whole øre per km");
  return r.ore(value, path);
}

export function readTaxTreatment(r: FieldReader, value: unknown, path: string): TaxTreatment | undefined {
  const raw = r.object(value, path, ['taxable', 'incomeType', 'source']);
  if (!raw) return undefined;
  const taxable = r.boolean(raw.taxable, fieldPath(path, 'taxable'));
  const incomeType = r.text(raw.incomeType, fieldPath(path, 'incomeType'));
  const source = r.url(raw.source, fieldPath(path, 'source'));
  if (taxable === undefined || incomeType === undefined || source === undefined) return undefined;
  return { taxable, incomeType, source };
}

/** A part that is either absent on purpose (`null`: not paid) or read by `read`. */
export function readNullable<T>(
  r: FieldReader,
  value: unknown,
  path: string,
  read: (value: unknown, path: string) => T | undefined,
): T | null | undefined {
  if (value === null) return null;
  if (value === undefined) return r.fail(path, 'is required (null when not paid)');
  return read(value, path);
}
