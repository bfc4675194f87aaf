import { Guideline, NotPayableRule } from '../guideline/guideline.types';
import { Involvement } from '../involvement/involvement.types';
import { citing, zeroLine } from './calculation-context';
import { HonorariumLine } from './honorarium-line.types';

/**
 * Cases that pay nothing whatever a guideline says: they come from the domain
 * itself (docs/domain.md, docs/api.md), so a guideline that forgets one cannot pay it.
 * Absence and cancellation are not among them: they pay no honorarium but may
 * cover expenses (payment-scope.ts).
 */
const ALWAYS_UNPAID: { applies: (i: Involvement) => boolean; reason: string }[] = [
  {
    applies: (i) => i.form === 'peer-support',
    reason: 'Peer support (likemannsarbeid) is voluntary, never paid, and not counted as participation.',
  },
  {
    applies: (i) => i.honorariumDecision === 'unpaid',
    reason: 'Decided in advance that this involvement pays neither honorarium nor expenses.',
  },
];

function matches(rule: NotPayableRule, involvement: Involvement): boolean {
  const { attendance, form, honorariumDecision } = rule.when;
  return (
    (attendance === undefined || attendance === involvement.attendance) &&
    (form === undefined || form === involvement.form) &&
    (honorariumDecision === undefined || honorariumDecision === involvement.honorariumDecision)
  );
}

/**
 * The single zero line for an involvement that pays nothing at all, or `null`.
 * The guideline's own wording (with its source) wins when it has one, except
 * for a meeting the organiser cancelled: its documented expenses are always
 * covered, so no guideline rule can make it pay nothing.
 */
export function notPayableLine(guideline: Guideline, involvement: Involvement): HonorariumLine | null {
  const rule =
    involvement.attendance === 'cancelled'
      ? undefined
      : guideline.rules.find((r): r is NotPayableRule => r.kind === 'not-payable' && matches(r, involvement));
  if (rule) return zeroLine('not-payable', 'none', 0, citing(rule.reason, rule));
  const builtIn = ALWAYS_UNPAID.find((c) => c.applies(involvement));
  return builtIn ? zeroLine('not-payable', 'none', 0, builtIn.reason) : null;
}
