import { INCOME_TYPES } from '../../guidelines/income-types';
import { FieldReader, fieldPath } from '../common/field-reader';
import { CONVERSATION_FORMS, NOT_ATTENDED } from '../common/vocabulary';
import {
  GUIDELINE_LABELS,
  Guideline,
  GuidelineRule,
  MEETING_RULE_KINDS,
  MeetingRule,
  RuleKind,
  TaxRule,
} from './guideline.types';
import { readRule } from './guideline-rule.reader';

const REGION = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_REGION_LENGTH = 100;

/** Kinds a guideline must have exactly one of, and those it may have at most one of. */
const EXACTLY_ONE: { kinds: RuleKind[]; name: string }[] = [{ kinds: ['tax'], name: 'tax rule' }];
const AT_MOST_ONE: RuleKind[] = ['preparation', 'travel-time', 'lost-income', 'mileage', 'receipts', 'meals'];

/**
 * The typed guideline, or ValidationFailed naming every bad field with its path
 * (`rules[3].rate.defaultOre: must not be negative`). The gate for guideline
 * data from anywhere: shipped files, an admin publishing a version, storage.
 */
export function validateGuideline(input: unknown): Guideline {
  const r = new FieldReader();
  const raw = r.object(input, '', ['region', 'issuer', 'version', 'effectiveFrom', 'label', 'note', 'rules']);
  if (!raw) return r.abort();
  const region =
    typeof raw.region === 'string' && raw.region.length > MAX_REGION_LENGTH
      ? r.fail('region', `must be at most ${MAX_REGION_LENGTH} characters`)
      : typeof raw.region === 'string' && REGION.test(raw.region)
        ? raw.region
        : r.fail('region', 'must be a kebab-case region code');
  const issuer = r.text(raw.issuer, 'issuer');
  const version = r.date(raw.version, 'version');
  const effectiveFrom = r.date(raw.effectiveFrom, 'effectiveFrom');
  if (version && effectiveFrom && version !== effectiveFrom) r.fail('version', 'must equal effectiveFrom');
  const label = r.oneOf(raw.label, 'label', GUIDELINE_LABELS);
  const note = r.optionalText(raw.note, 'note');
  const rulesRaw = r.array(raw.rules, 'rules', 1);
  const rules = (rulesRaw ?? []).map((rule, i) => readRule(r, rule, fieldPath('rules', i)));
  if (rulesRaw) checkRuleCounts(r, rules);
  if (rulesRaw) checkPayRules(r, rules);
  if (rulesRaw) checkNotAttended(r, rules);
  r.throwIfAny();
  return {
    region: region!,
    issuer: issuer!,
    version: version!,
    effectiveFrom: effectiveFrom!,
    label: label!,
    ...(note ? { note } : {}),
    rules: rules as GuidelineRule[],
  };
}

function checkRuleCounts(r: FieldReader, rules: (GuidelineRule | undefined)[]): void {
  const count = (kinds: RuleKind[]) => rules.filter((rule) => rule && kinds.includes(rule.kind)).length;
  if (rules.some((rule) => rule === undefined)) return;
  for (const { kinds, name } of EXACTLY_ONE) {
    if (count(kinds) !== 1) r.fail('rules', `must have exactly one ${name}, found ${count(kinds)}`);
  }
  for (const kind of AT_MOST_ONE) {
    if (count([kind]) > 1) r.fail('rules', `must have at most one ${kind} rule, found ${count([kind])}`);
  }
}

const isPayRule = (rule: GuidelineRule | undefined): rule is MeetingRule =>
  !!rule && (MEETING_RULE_KINDS as readonly string[]).includes(rule.kind);

/**
 * At least one pay rule; no form paid by two of them (which would make the
 * price depend on rule order); and no interview, conversation or dialogue
 * reported as a verv fee: they are not a seat on a board or council.
 */
function checkPayRules(r: FieldReader, rules: (GuidelineRule | undefined)[]): void {
  if (rules.some((rule) => rule === undefined)) return;
  if (!rules.some(isPayRule)) {
    r.fail('rules', `must have at least one pay rule (${MEETING_RULE_KINDS.join(', ')})`);
    return;
  }
  const tax = rules.find((rule): rule is TaxRule => rule?.kind === 'tax');
  const paidBy = new Map<string, number>();
  rules.forEach((rule, i) => {
    if (!isPayRule(rule)) return;
    (rule.forms ?? []).forEach((form, j) => {
      const earlier = paidBy.get(form);
      if (earlier === i) return; // a repeat within the rule, reported by the rule's reader
      if (earlier !== undefined)
        r.fail(
          fieldPath(fieldPath(fieldPath('rules', i), 'forms'), j),
          `${form} is already paid by rules[${earlier}]`,
        );
      else paidBy.set(form, i);
    });
    const conversations = (rule.forms ?? []).filter((f) => CONVERSATION_FORMS.includes(f));
    const income = rule.income ?? tax?.honorarium;
    if (conversations.length > 0 && income?.incomeType === INCOME_TYPES.vervFees) {
      const why = `interviews, conversations and dialogues (${conversations.join(', ')}) are not paid as a board or council fee (verv)`;
      if (rule.income)
        r.fail(
          fieldPath(fieldPath('rules', i), 'income.incomeType'),
          `must not be ${INCOME_TYPES.vervFees}: ${why}`,
        );
      else
        r.fail(
          fieldPath(fieldPath('rules', i), 'income'),
          `is required: the tax rule reports honorarium as ${INCOME_TYPES.vervFees}, and ${why}`,
        );
    }
  });
}

/** One not-attended-expenses rule per attendance, and none beside a not-payable rule that says the opposite. */
function checkNotAttended(r: FieldReader, rules: (GuidelineRule | undefined)[]): void {
  for (const attendance of NOT_ATTENDED) {
    const found = rules.filter(
      (rule) => rule?.kind === 'not-attended-expenses' && rule.attendance === attendance,
    );
    if (found.length > 1)
      r.fail(
        'rules',
        `must have at most one not-attended-expenses rule for ${attendance}, found ${found.length}`,
      );
    // (A not-payable cancellation is refused on its own.)
    const contradicted = rules.some(
      (rule) =>
        rule?.kind === 'not-payable' &&
        rule.when.attendance === attendance &&
        rule.when.form === undefined &&
        rule.when.honorariumDecision === undefined,
    );
    if (attendance === 'absent' && found.length > 0 && contradicted)
      r.fail(
        'rules',
        `must not have both a not-payable rule and a not-attended-expenses rule for ${attendance}: one says nothing is paid, the other covers expenses`,
      );
  }
}
