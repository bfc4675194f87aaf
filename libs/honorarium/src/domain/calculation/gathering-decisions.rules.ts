import { GatheringDecisions, Involvement } from '../involvement/involvement.types';
import { zeroLine } from './calculation-context';
import { HonorariumLine, LineKind } from './honorarium-line.types';

/** Pay for the time given (honorarium, and lost income in its place): what "is honorarium paid" decides. */
const HONORARIUM_KINDS: readonly LineKind[] = [
  'meeting',
  'preparation',
  'travel-time',
  'lost-income-documented',
  'lost-income-undocumented',
];
/** Travel, meals and receipts: what "are expenses covered" decides. */
const EXPENSE_KINDS: readonly LineKind[] = ['mileage', 'ticket', 'lodging', 'other', 'meals'];

const ONCE = 'decided once for the whole gathering (brukersamling), the same for everyone in it';

/** The single zero line of a gathering that decided to pay neither honorarium nor expenses, or `null`. */
export function gatheringPaysNothing(involvement: Involvement): HonorariumLine | null {
  const d = involvement.gatheringDecisions;
  if (!d || d.honorariumPaid || d.expensesCovered) return null;
  return zeroLine('not-payable', 'none', 0, `Neither honorarium nor expenses are paid: ${ONCE}.`);
}

/**
 * A user gathering's two decisions (docs/domain.md, revision 2), applied to
 * the lines the guideline gives: what is not paid stays as a zero line that
 * says so, so the reader sees the claim was considered.
 */
export function applyGatheringDecisions(
  lines: HonorariumLine[],
  decisions: GatheringDecisions | undefined,
): HonorariumLine[] {
  if (!decisions) return lines;
  return lines.map((line) => {
    if (!decisions.honorariumPaid && HONORARIUM_KINDS.includes(line.kind))
      return zeroLine(line.kind, line.unit, line.quantity, `No honorarium is paid: ${ONCE}.`);
    if (!decisions.expensesCovered && EXPENSE_KINDS.includes(line.kind))
      return zeroLine(line.kind, line.unit, line.quantity, `Expenses are not covered: ${ONCE}.`);
    return line;
  });
}
