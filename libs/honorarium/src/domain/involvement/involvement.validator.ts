import { PRICING_BOUNDS } from '@app/shared-kernel';
import { FieldReader, fieldPath, isAbsent } from '../common/field-reader';
import {
  APPOINTMENT_ROLES,
  ATTENDANCES,
  AppointmentRole,
  HONORARIUM_DECISIONS,
  INVOLVEMENT_FORMS,
  NOT_ATTENDED,
  isOneOf,
} from '../common/vocabulary';
import { EXPENSE_KINDS, Expense, Involvement } from './involvement.types';

const INVOLVEMENT_KEYS = [
  'form',
  'occurredOn',
  'attendance',
  'hours',
  'expenses',
  'lostIncome',
  'honorariumDecision',
  'waived',
  'gatheringDecisions',
];
/** The log carries more (participantId, topic…); the calculator reads only what pays. */
const IGNORED_KEYS = ['participantId', 'topic', 'id', 'projectId'];

/**
 * Reads an involvement for the calculator, refusing what would make an amount
 * meaningless (negative or non-integer øre, hours outside 0–24), and returns a
 * fresh object so later changes to the input cannot change a calculation.
 */
export function readInvolvement(reader: FieldReader, input: unknown, path: string): Involvement | undefined {
  const errorsBefore = reader.errorCount;
  const raw = reader.object(input, path, [...INVOLVEMENT_KEYS, ...IGNORED_KEYS]);
  if (!raw) return undefined;
  const form = reader.oneOf(raw.form, fieldPath(path, 'form'), INVOLVEMENT_FORMS);
  const occurredOn = reader.date(raw.occurredOn, fieldPath(path, 'occurredOn'));
  const attendance = reader.oneOf(raw.attendance, fieldPath(path, 'attendance'), ATTENDANCES);
  const notAttended = isOneOf(NOT_ATTENDED, attendance);
  const hours = readHours(reader, raw.hours, fieldPath(path, 'hours'), notAttended);
  const expenses = isAbsent(raw.expenses)
    ? []
    : readExpenses(reader, raw.expenses, fieldPath(path, 'expenses'));
  const lostIncome = isAbsent(raw.lostIncome)
    ? undefined
    : readLostIncome(reader, raw.lostIncome, fieldPath(path, 'lostIncome'));
  const decisionPath = fieldPath(path, 'honorariumDecision');
  const honorariumDecision = isAbsent(raw.honorariumDecision)
    ? undefined
    : reader.oneOf(raw.honorariumDecision, decisionPath, HONORARIUM_DECISIONS);
  const gatheringDecisions = isAbsent(raw.gatheringDecisions)
    ? undefined
    : readGatheringDecisions(reader, raw, form, fieldPath(path, 'gatheringDecisions'));
  if (form === 'user-gathering' && isAbsent(raw.honorariumDecision) && isAbsent(raw.gatheringDecisions)) {
    reader.fail(decisionPath, 'is required for a user-gathering (paid or unpaid)');
  }
  const waived = isAbsent(raw.waived) ? undefined : reader.boolean(raw.waived, fieldPath(path, 'waived'));
  if (reader.errorCount > errorsBefore) return undefined;
  return {
    form: form!,
    occurredOn: occurredOn!,
    attendance: attendance!,
    hours: hours!,
    expenses: expenses!,
    ...(lostIncome ? { lostIncome } : {}),
    ...(honorariumDecision ? { honorariumDecision } : {}),
    ...(waived ? { waived } : {}),
    ...(gatheringDecisions ? { gatheringDecisions } : {}),
  };
}

/** Only a user gathering has them, and they replace its per-person honorariumDecision. */
function readGatheringDecisions(
  reader: FieldReader,
  raw: Record<string, unknown>,
  form: string | undefined,
  path: string,
): Involvement['gatheringDecisions'] {
  const decisions = reader.object(raw.gatheringDecisions, path, ['expensesCovered', 'honorariumPaid']);
  if (!decisions) return undefined;
  const expensesCovered = reader.boolean(decisions.expensesCovered, fieldPath(path, 'expensesCovered'));
  const honorariumPaid = reader.boolean(decisions.honorariumPaid, fieldPath(path, 'honorariumPaid'));
  if (form !== undefined && form !== 'user-gathering')
    return reader.fail(path, 'applies to a user-gathering only');
  if (!isAbsent(raw.honorariumDecision))
    return reader.fail(path, 'replaces honorariumDecision: give one of them, not both');
  return expensesCovered === undefined || honorariumPaid === undefined
    ? undefined
    : { expensesCovered, honorariumPaid };
}

export function readRole(reader: FieldReader, value: unknown, path: string): AppointmentRole | null {
  if (isAbsent(value)) return null;
  return reader.oneOf(value, path, APPOINTMENT_ROLES) ?? null;
}

function readHours(
  reader: FieldReader,
  value: unknown,
  path: string,
  notAttended: boolean,
): Involvement['hours'] | undefined {
  const raw = reader.object(value, path, ['meeting', 'preparation', 'travel']);
  if (!raw) return undefined;
  const meeting = reader.decimal(raw.meeting, fieldPath(path, 'meeting'), 0, PRICING_BOUNDS.hoursPerKind);
  if (meeting === 0 && !notAttended)
    reader.fail(fieldPath(path, 'meeting'), 'must be more than 0 unless absent or cancelled');
  const hours: Involvement['hours'] = { meeting: meeting ?? 0 };
  for (const key of ['preparation', 'travel'] as const) {
    if (isAbsent(raw[key])) continue;
    const read = reader.decimal(raw[key], fieldPath(path, key), 0, PRICING_BOUNDS.hoursPerKind);
    if (read !== undefined) hours[key] = read;
  }
  return hours;
}

function readExpenses(reader: FieldReader, value: unknown, path: string): Expense[] | undefined {
  const items = reader.array(value, path);
  if (!items) return undefined;
  if (items.length > PRICING_BOUNDS.expensesPerInvolvement)
    return reader.fail(path, `must hold at most ${PRICING_BOUNDS.expensesPerInvolvement} expense claims`);
  return items
    .map((item, index) => readExpense(reader, item, fieldPath(path, index)))
    .filter((e): e is Expense => !!e);
}

function readExpense(reader: FieldReader, value: unknown, path: string): Expense | undefined {
  const kind = reader.oneOf(
    (value as { kind?: unknown } | null)?.kind,
    fieldPath(path, 'kind'),
    EXPENSE_KINDS,
  );
  if (kind === 'mileage') {
    const raw = reader.object(value, path, ['kind', 'km']);
    const km = reader.decimal(raw?.km, fieldPath(path, 'km'), 0, PRICING_BOUNDS.kmPerClaim);
    return km === undefined ? undefined : { kind, km };
  }
  if (kind === 'meals') {
    const raw = reader.object(value, path, ['kind', 'tripHours', 'overnight', 'km']);
    const tripHours = reader.decimal(
      raw?.tripHours,
      fieldPath(path, 'tripHours'),
      0,
      PRICING_BOUNDS.tripHours,
    );
    const overnight = reader.boolean(raw?.overnight, fieldPath(path, 'overnight'));
    const km = reader.decimal(raw?.km, fieldPath(path, 'km'), 0, PRICING_BOUNDS.kmPerClaim);
    if (tripHours === undefined || overnight === undefined || km === undefined) return undefined;
    return { kind, tripHours, overnight, km };
  }
  if (kind === undefined) return undefined;
  const raw = reader.object(value, path, ['kind', 'amountOre', 'receiptRef']);
  const amountOre = reader.ore(raw?.amountOre, fieldPath(path, 'amountOre'), PRICING_BOUNDS.receiptOre);
  const receiptRef = reader.optionalText(raw?.receiptRef, fieldPath(path, 'receiptRef'));
  if (amountOre === undefined) return undefined;
  return { kind, amountOre, ...(receiptRef ? { receiptRef } : {}) };
}

function readLostIncome(reader: FieldReader, value: unknown, path: string): Involvement['lostIncome'] {
  const raw = reader.object(value, path, ['documented', 'amountOre']);
  const documented = reader.boolean(raw?.documented, fieldPath(path, 'documented'));
  const amountOre = reader.ore(raw?.amountOre, fieldPath(path, 'amountOre'), PRICING_BOUNDS.lostIncomeOre);
  return documented === undefined || amountOre === undefined ? undefined : { documented, amountOre };
}

/** The involvement, typed, or ValidationFailed listing every bad field. */
export function validateInvolvement(input: unknown): Involvement {
  const reader = new FieldReader();
  const involvement = readInvolvement(reader, input, '');
  reader.throwIfAny();
  return involvement!;
}
