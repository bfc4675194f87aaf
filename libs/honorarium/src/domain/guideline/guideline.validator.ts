import { FieldReader, fieldPath } from '../common/field-reader';
import { GUIDELINE_LABELS, Guideline, GuidelineRule, RuleKind } from './guideline.types';
import { readRule } from './guideline-rule.reader';

const REGION = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_REGION_LENGTH = 100;

/** Kinds a guideline must have exactly one of, and those it may have at most one of. */
const EXACTLY_ONE: { kinds: RuleKind[]; name: string }[] = [
  { kinds: ['meeting-hourly', 'meeting-tiered'], name: 'meeting rule (meeting-hourly or meeting-tiered)' },
  { kinds: ['tax'], name: 'tax rule' },
];
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
