import { FieldReader, fieldPath, isAbsent } from '../common/field-reader';
import { AppointmentRole } from '../common/vocabulary';
import { Involvement, SameDayInvolvement } from '../involvement/involvement.types';
import { readInvolvement, readRole } from '../involvement/involvement.validator';

export interface ReadCalculationInput {
  involvement: Involvement;
  role: AppointmentRole | null;
  others: (SameDayInvolvement & { role: AppointmentRole | null })[];
  orderKey: string | null;
}

/**
 * Checks the calculator's input at the door: malformed hours or money would
 * otherwise surface as a wrong amount instead of a clear 400. Other
 * involvements must be on the same day, and order keys must be unique, or the
 * daily cap's order would be ambiguous.
 */
export function readCalculationInput(input: {
  involvement: unknown;
  role?: unknown;
  otherInvolvementsSameDay?: unknown;
  orderKey?: unknown;
}): ReadCalculationInput {
  const r = new FieldReader();
  const involvement = readInvolvement(r, input.involvement, 'involvement');
  const role = readRole(r, input.role, 'role');
  const orderKey = isAbsent(input.orderKey) ? null : (r.text(input.orderKey, 'orderKey') ?? null);
  const othersRaw = isAbsent(input.otherInvolvementsSameDay)
    ? []
    : (r.array(input.otherInvolvementsSameDay, 'otherInvolvementsSameDay') ?? []);
  const keys = new Set<string>(orderKey === null ? [] : [orderKey]);
  const others = othersRaw.map((raw, i) => {
    const path = fieldPath('otherInvolvementsSameDay', i);
    const o = r.object(raw, path, ['orderKey', 'involvement', 'role']);
    if (!o) return undefined;
    const key = r.text(o.orderKey, fieldPath(path, 'orderKey'));
    if (key !== undefined && keys.has(key)) {
      r.fail(fieldPath(path, 'orderKey'), `must be unique, ${key} is used twice`);
    }
    if (key !== undefined) keys.add(key);
    const other = readInvolvement(r, o.involvement, fieldPath(path, 'involvement'));
    if (other && involvement && other.occurredOn !== involvement.occurredOn) {
      r.fail(
        fieldPath(path, 'involvement.occurredOn'),
        `must be the same day as the involvement (${involvement.occurredOn})`,
      );
    }
    return { orderKey: key!, involvement: other!, role: readRole(r, o.role, fieldPath(path, 'role')) };
  });
  r.throwIfAny();
  return { involvement: involvement!, role, others: others as ReadCalculationInput['others'], orderKey };
}
