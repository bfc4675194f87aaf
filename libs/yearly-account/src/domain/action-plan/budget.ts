import { isOre } from '@app/shared-kernel';
import { FieldChecks, type DomainEvent } from '@app/participation';
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

/** Every line is required (0 when nothing is budgeted), each whole øre ≥ 0. */
export function parseBudget(input: Record<string, unknown>): BudgetFigures {
  const checks = new FieldChecks();
  const lines = (input.linesOre ?? {}) as Record<string, unknown>;
  if (typeof lines !== 'object' || lines === null || Array.isArray(lines))
    checks.fail('linesOre', 'must be an object');
  else {
    for (const key of Object.keys(lines))
      if (!(BUDGET_LINES as readonly string[]).includes(key))
        checks.fail(`linesOre.${key}`, `is not a budget line (${BUDGET_LINES.join(', ')})`);
    for (const line of BUDGET_LINES) checks.nonNegativeOre(`linesOre.${line}`, lines[line]);
  }
  checks.throwIfAny();
  return Object.fromEntries(BUDGET_LINES.map((l) => [l, lines[l]])) as BudgetFigures;
}

export function parseSpending(input: Record<string, unknown>, year: number) {
  const checks = new FieldChecks()
    .oneOf('line', RECORDED_SPENDING_LINES, input.line)
    .date('spentOn', input.spentOn)
    .text('note', input.note, 500)
    .oneLine('note', input.note);
  if (!(isOre(input.amountOre) && input.amountOre > 0))
    checks.fail('amountOre', 'must be a whole number of øre above 0');
  if (typeof input.spentOn === 'string' && !input.spentOn.startsWith(`${year}-`))
    checks.fail('spentOn', `must lie in ${year}, the budget's year`);
  checks.throwIfAny();
  return {
    line: input.line as RecordedSpendingLine,
    amountOre: input.amountOre as number,
    spentOn: input.spentOn as string,
    note: (input.note as string).trim(),
  };
}
