import { zeroLine } from './calculation-context';
import { HonorariumLine } from './honorarium-line.types';

/**
 * The participant's own waiver (docs/domain.md, revision 2: only the
 * participant can decline, and expenses are still covered). The time-pay
 * lines stay, each at zero and saying what was waived, so a reader sees the
 * honorarium was considered and declined; expense and lost-income lines are
 * untouched.
 */
export function waivedTimePay(lines: readonly HonorariumLine[]): HonorariumLine[] {
  return lines.map((line) =>
    line.amountOre === 0
      ? line
      : zeroLine(
          line.kind,
          line.unit,
          line.quantity,
          `Waived by the participant's own waiver; expenses are still covered. Without it: ${line.explanation}`,
        ),
  );
}
