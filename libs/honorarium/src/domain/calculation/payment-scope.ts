import { formatNok } from '@app/shared-kernel';
import { InvolvementForm } from '../common/vocabulary';
import {
  Guideline,
  GuidelineRule,
  MEETING_RULE_KINDS,
  MeetingRule,
  NotAttendedExpensesRule,
} from '../guideline/guideline.types';
import { ExpenseKind, Involvement, RECEIPT_KINDS } from '../involvement/involvement.types';
import { citing, zeroLine } from './calculation-context';
import { HonorariumLine } from './honorarium-line.types';
import { notPayableLine } from './not-payable.rules';

/**
 * What an involvement can be paid, decided before any line is priced:
 * - `nothing`: one not-payable line says why (peer support, a gathering
 *   decided unpaid, a guideline's not-payable case);
 * - `expenses`: no honorarium (the not-payable line says why), and each
 *   expense claim is covered unless `uncovered` gives the reason it is not;
 * - `all`: honorarium by the pay rule naming the form, expenses as the
 *   guideline says.
 * Further reasons to withhold the honorarium but cover expenses (a gathering's
 * decisions, the participant's waiver) belong here, as more `expenses` cases.
 */
export type PaymentScope =
  | { pays: 'nothing'; line: HonorariumLine }
  | { pays: 'expenses'; line: HonorariumLine; uncovered: (kind: ExpenseKind) => string | null }
  | { pays: 'all'; rule: MeetingRule };

const FORM_NAMES: Record<InvolvementForm, string> = {
  'user-council': 'brukerutvalg',
  'user-panel': 'brukerpanel',
  'user-gathering': 'brukersamling',
  'user-group': 'brukergruppe',
  'user-interview': 'brukerintervju',
  'user-conversation': 'brukersamtale',
  dialogue: 'dialogsamtale',
  'peer-support': 'likemannsarbeid',
};

export function paymentScope(guideline: Guideline, involvement: Involvement): PaymentScope {
  const unpaid = notPayableLine(guideline, involvement);
  if (unpaid) return { pays: 'nothing', line: unpaid };
  if (involvement.attendance === 'cancelled') return cancelled(guideline, involvement);
  if (involvement.attendance === 'absent') return absent(guideline, involvement);
  const rule = payRuleFor(guideline, involvement.form);
  if (!rule) return formNotNamed(guideline, involvement);
  return { pays: 'all', rule };
}

/**
 * The pay rule naming the form. A rule without `forms` (a version stored
 * before forms were named) pays every form, as it did then.
 */
export function payRuleFor(guideline: Guideline, form: InvolvementForm): MeetingRule | undefined {
  return guideline.rules
    .filter(isPayRule)
    .find((rule) => rule.forms === undefined || rule.forms.includes(form));
}

function isPayRule(rule: GuidelineRule): rule is MeetingRule {
  return (MEETING_RULE_KINDS as readonly string[]).includes(rule.kind);
}

/** The organiser cancelled: no honorarium; documented outlays already incurred are covered, plus what the guideline adds. */
function cancelled(guideline: Guideline, involvement: Involvement): PaymentScope {
  const rule = notAttendedRule(guideline, 'cancelled');
  const added = (rule?.expenses ?? []).filter((k) => !(RECEIPT_KINDS as readonly string[]).includes(k));
  const covered = new Set<ExpenseKind>([...RECEIPT_KINDS, ...added]);
  const also = added.length > 0 ? `, and ${added.join(', ')} as the guideline adds` : '';
  const text =
    `Cancelled by the organiser: no honorarium (${notPaid(involvement)}). ` +
    `Documented expenses already incurred (ticket, lodging, other receipts) are covered${also}.`;
  const reason = citing(
    `not covered after a cancellation: only documented outlays already incurred${added.length > 0 ? ` and ${added.join(', ')}` : ''} are`,
    rule,
  );
  return {
    pays: 'expenses',
    line: zeroLine('not-payable', 'none', 0, citing(text, rule)),
    uncovered: (kind) => (covered.has(kind) ? null : reason),
  };
}

/** The participant did not come: no honorarium; expenses only where the guideline says so. */
function absent(guideline: Guideline, involvement: Involvement): PaymentScope {
  const rule = notAttendedRule(guideline, 'absent');
  const listed = rule?.expenses ?? [];
  const covered = new Set<ExpenseKind>(listed);
  const which = listed.length > 0 ? listed.join(', ') : 'none';
  const text =
    `Absent (the participant did not come): no honorarium (${notPaid(involvement)}). ` +
    `Expenses only where the guideline says so for an absence: ${which}.`;
  const reason = rule
    ? citing(
        `not covered when absent: the guideline covers ${listed.length > 0 ? `only ${which}` : 'no expenses'} for an absence`,
        rule,
      )
    : 'not covered when absent: the guideline names no expenses for an absence';
  return {
    pays: 'expenses',
    line: zeroLine('not-payable', 'none', 0, citing(text, rule)),
    uncovered: (kind) => (covered.has(kind) ? null : reason),
  };
}

/** A form no pay rule names is not paid; its expenses are still priced by the guideline's expense rules. */
function formNotNamed(guideline: Guideline, involvement: Involvement): PaymentScope {
  const form = involvement.form;
  const text =
    `Guideline ${guideline.region} ${guideline.version} names no pay for ${form} (${FORM_NAMES[form]}), ` +
    `and a guideline pays only the forms it names: no honorarium (${notPaid(involvement)}). ` +
    `Expenses are covered as the guideline's expense rules say.`;
  return { pays: 'expenses', line: zeroLine('not-payable', 'none', 0, text), uncovered: () => null };
}

function notAttendedRule(
  guideline: Guideline,
  attendance: NotAttendedExpensesRule['attendance'],
): NotAttendedExpensesRule | undefined {
  return guideline.rules.find(
    (r): r is NotAttendedExpensesRule => r.kind === 'not-attended-expenses' && r.attendance === attendance,
  );
}

/** What the missing honorarium would have covered, so the reader sees nothing claimed was overlooked. */
function notPaid(involvement: Involvement): string {
  const lost = involvement.lostIncome?.amountOre
    ? `, nor the lost income claimed, ${formatNok(involvement.lostIncome.amountOre)} NOK`
    : '';
  return `meeting, preparation and travel time are not paid${lost}`;
}
