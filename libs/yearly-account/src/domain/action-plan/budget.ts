import { isOre } from '@app/shared-kernel';
import { FieldChecks, type DomainEvent } from '@app/participation';
import { isYear } from './measure';
import {
  BUDGET_LINES,
  RECORDED_SPENDING_LINES,
  type BudgetLine,
  type RecordedSpendingLine,
} from '../vocabulary';

export type BudgetFigures = Record<BudgetLine, number>;

/** The organisation's budget for participation in a year, in øre per line; a later one replaces it. */
export type BudgetSet = DomainEvent<
  'BudgetSet',
  { organizationId: string; year: number; linesOre: BudgetFigures }
>;

/**
 * Money spent that no other record shows: running costs of councils
 * (driftskostnader) and grants to user organisations (tilskudd).
 */
export type SpendingRecorded = DomainEvent<
  'SpendingRecorded',
  {
    organizationId: string;
    year: number;
    line: RecordedSpendingLine;
    amountOre: number;
    spentOn: string;
    note: string;
  }
>;

export type BudgetEvent = BudgetSet | SpendingRecorded;

export const budgetDecider = {
  evolve: (state: { version: number }) => ({ version: state.version + 1 }),
  initialState: () => ({ version: 0 }),
};

/** The budget's key: which organisation and year (400 naming the field that breaks its rule). */
export function parseBudgetKey(input: Record<string, unknown>, checks: FieldChecks) {
  checks.text('organizationId', input.organizationId, 200).oneLine('organizationId', input.organizationId);
  if (!isYear(input.year)) checks.fail('year', 'must be a year like 2025');
  const organizationId = typeof input.organizationId === 'string' ? input.organizationId.trim() : '';
  return { organizationId, year: input.year as number };
}

/** The body field of each budget line: money fields end in `Ore`. */
export const budgetField = (line: BudgetLine) => `${line}Ore`;

/** Every line is required (0 when nothing is budgeted), each whole øre ≥ 0. */
export function parseBudget(input: Record<string, unknown>) {
  const checks = new FieldChecks();
  const key = parseBudgetKey(input, checks);
  for (const line of BUDGET_LINES) checks.nonNegativeOre(budgetField(line), input[budgetField(line)]);
  checks.throwIfAny();
  const linesOre = Object.fromEntries(BUDGET_LINES.map((l) => [l, input[budgetField(l)]])) as BudgetFigures;
  return { ...key, linesOre };
}

export function parseSpending(input: Record<string, unknown>) {
  const checks = new FieldChecks();
  const key = parseBudgetKey(input, checks);
  checks
    .oneOf('line', RECORDED_SPENDING_LINES, input.line)
    .date('spentOn', input.spentOn)
    .text('note', input.note, 500)
    .oneLine('note', input.note);
  if (!(isOre(input.amountOre) && input.amountOre > 0))
    checks.fail('amountOre', 'must be a whole number of øre above 0');
  if (isYear(key.year) && typeof input.spentOn === 'string' && !input.spentOn.startsWith(`${key.year}-`))
    checks.fail('spentOn', `must lie in ${key.year}, the budget's year`);
  checks.throwIfAny();
  return {
    ...key,
    line: input.line as RecordedSpendingLine,
    amountOre: input.amountOre as number,
    spentOn: input.spentOn as string,
    note: (input.note as string).trim(),
  };
}
