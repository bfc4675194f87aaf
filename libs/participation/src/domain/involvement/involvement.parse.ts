import { boundInKroner, PRICING_BOUNDS } from '@app/shared-kernel';
import {
  ATTENDANCES,
  Attendance,
  FieldChecks,
  HONORARIUM_DECISIONS,
  HonorariumDecision,
  INVOLVEMENT_FORMS,
  InvolvementForm,
} from '../common';
import {
  DETAIL_FIELDS,
  DetailsInput,
  EXPENSE_KINDS,
  Expense,
  ExpenseInput,
  Hours,
  HoursInput,
  InvolvementDetails,
  LostIncome,
  LostIncomeInput,
} from './involvement.details';

type Parsers = {
  [K in keyof InvolvementDetails]: (
    value: unknown,
    checks: FieldChecks,
    field: string,
  ) => InvolvementDetails[K];
};

/**
 * Turns API input into the shape events carry: unknown codes and non-numbers
 * are malformed input (400); ranges and combinations are domain rules (422),
 * checked afterwards on the whole involvement.
 */
const parsers: Parsers = {
  form: (v, c, f) => {
    c.oneOf(f, INVOLVEMENT_FORMS, v);
    return v as InvolvementForm;
  },
  occurredOn: (v, c, f) => {
    c.date(f, v);
    return v as string;
  },
  attendance: (v, c, f) => {
    c.oneOf(f, ATTENDANCES, v);
    return v as Attendance;
  },
  hours: parseHours,
  expenses: (v, c, f) => {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.length > PRICING_BOUNDS.expensesPerInvolvement) {
      c.fail(f, `must hold at most ${PRICING_BOUNDS.expensesPerInvolvement} expense claims`);
      return [];
    }
    if (Array.isArray(v)) return v.map((e, i) => parseExpense(e, c, `${f}[${i}]`));
    c.fail(f, 'must be a list');
    return [];
  },
  lostIncome: (v, c, f) => (v === undefined || v === null ? null : parseLostIncome(v, c, f)),
  honorariumDecision: (v, c, f) => {
    if (v === undefined || v === null) return null;
    c.oneOf(f, HONORARIUM_DECISIONS, v);
    return v as HonorariumDecision;
  },
  topic: (v, c, f) => {
    c.optionalString(f, v, 500);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  },
};

export function parseDetails(input: DetailsInput, checks: FieldChecks): InvolvementDetails {
  const details = {} as Record<string, unknown>;
  for (const key of DETAIL_FIELDS) details[key] = parsers[key](input[key], checks, key);
  return details as InvolvementDetails;
}

/**
 * Parses the fields a correction names. Hours merge into the current ones,
 * so `{hours: {meeting: 3}}` changes the meeting time only.
 */
export function parseChanges(
  changes: unknown,
  current: InvolvementDetails,
  checks: FieldChecks,
): Partial<InvolvementDetails> {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    checks.fail('changes', 'must be an object of logged fields');
    return {};
  }
  const parsed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    const field = `changes.${key}`;
    if (!(DETAIL_FIELDS as readonly string[]).includes(key)) {
      checks.fail(field, 'cannot be corrected; void the involvement and log it anew if it is wrong');
      continue;
    }
    const k = key as keyof InvolvementDetails;
    const merged: unknown =
      k === 'hours' && isObject(value) ? { ...current.hours, ...(value as object) } : value;
    parsed[k] = parsers[k](merged, checks, field);
  }
  return parsed;
}

function parseHours(value: unknown, checks: FieldChecks, field: string): Hours {
  // Absent hours are zero; a meeting of zero hours is then refused unless absent or cancelled, by the rules.
  if (value !== undefined && value !== null && !isObject(value)) checks.fail(field, 'must be an object');
  const input = (isObject(value) ? value : {}) as HoursInput;
  const hour = (key: keyof HoursInput): number => {
    const v = input[key] ?? 0;
    checks.finiteNumber(`${field}.${key}`, v);
    return v;
  };
  return { meeting: hour('meeting'), preparation: hour('preparation'), travel: hour('travel') };
}

function parseExpense(value: unknown, checks: FieldChecks, field: string): Expense {
  const e = (isObject(value) ? value : {}) as ExpenseInput;
  checks.oneOf(`${field}.kind`, EXPENSE_KINDS, e.kind);
  const receiptRef = typeof e.receiptRef === 'string' && e.receiptRef.trim() ? e.receiptRef.trim() : null;
  checks.optionalString(`${field}.receiptRef`, e.receiptRef, 200);
  const amount = () => {
    checks.nonNegativeOre(`${field}.amountOre`, e.amountOre);
    checks.atMost(`${field}.amountOre`, e.amountOre, PRICING_BOUNDS.receiptOre, RECEIPT_UNIT);
    return e.amountOre as number;
  };
  const km = (key: 'km' | 'distanceKm') => {
    checks.nonNegativeNumber(`${field}.${key}`, e[key]);
    checks.atMost(`${field}.${key}`, e[key], PRICING_BOUNDS.kmPerClaim, 'km');
  };
  switch (e.kind) {
    case 'mileage':
      km('km');
      return { kind: 'mileage', km: e.km as number };
    case 'ticket':
    case 'lodging':
      return { kind: e.kind, amountOre: amount(), receiptRef };
    case 'meals':
      checks.nonNegativeNumber(`${field}.tripHours`, e.tripHours);
      checks.atMost(`${field}.tripHours`, e.tripHours, PRICING_BOUNDS.tripHours, 'hours');
      if (e.overnight !== undefined) checks.boolean(`${field}.overnight`, e.overnight);
      if (e.distanceKm !== undefined) km('distanceKm');
      return {
        kind: 'meals',
        tripHours: e.tripHours as number,
        overnight: e.overnight ?? false,
        distanceKm: e.distanceKm ?? null,
      };
    default: {
      checks.optionalString(`${field}.description`, e.description, 500);
      const description =
        typeof e.description === 'string' && e.description.trim() ? e.description.trim() : null;
      return { kind: 'other', amountOre: amount(), receiptRef, description };
    }
  }
}

function parseLostIncome(value: unknown, checks: FieldChecks, field: string): LostIncome {
  const input = (isObject(value) ? value : {}) as LostIncomeInput;
  checks.boolean(`${field}.documented`, input.documented);
  // Documented lost income is paid as documented, so the amount is the claim itself.
  if (input.documented === true || input.amountOre !== undefined) {
    checks.nonNegativeOre(`${field}.amountOre`, input.amountOre);
    checks.atMost(`${field}.amountOre`, input.amountOre, PRICING_BOUNDS.lostIncomeOre, LOST_INCOME_UNIT);
  }
  return { documented: input.documented === true, amountOre: input.amountOre ?? null };
}

const RECEIPT_UNIT = `øre (${boundInKroner(PRICING_BOUNDS.receiptOre)} per receipt)`;
const LOST_INCOME_UNIT = `øre (${boundInKroner(PRICING_BOUNDS.lostIncomeOre)} per involvement)`;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
