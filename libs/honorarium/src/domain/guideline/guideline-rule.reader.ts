import { FieldReader, fieldPath } from '../common/field-reader';
import { ATTENDANCES, HONORARIUM_DECISIONS, INVOLVEMENT_FORMS, NOT_ATTENDED } from '../common/vocabulary';
import { EXPENSE_KINDS, RECEIPT_KINDS } from '../involvement/involvement.types';
import { PAYABLE_LINE_KINDS } from '../calculation/honorarium-line.types';
import { GuidelineRule, RuleKind, TAX_TREATMENT_KEYS } from './guideline.types';
import {
  readMinimum,
  readForms,
  readNullable,
  readPerKm,
  readRoleRates,
  readRounding,
  readTaxTreatment,
  readTiers,
} from './rule-part.readers';

type Raw = Record<string, unknown>;
type Part = (r: FieldReader, raw: Raw, at: (key: string) => string) => Record<string, unknown>;

/** The forms a pay rule pays (required when publishing) and their own a-melding treatment (optional). */
const FORM_SCOPE = ['forms', 'income'];
const formScope: Part = (r, raw, at) => ({
  forms: readForms(r, raw.forms, at('forms')),
  ...(raw.income === undefined ? {} : { income: readTaxTreatment(r, raw.income, at('income')) }),
});

/** The fields each kind may carry besides `kind`, `source` and `note`, and how to read them. */
const RULES: Record<RuleKind, { fields: string[]; read: Part }> = {
  'meeting-hourly': {
    fields: ['rate', 'rounding', 'minimum', ...FORM_SCOPE],
    read: (r, raw, at) => ({
      ...formScope(r, raw, at),
      rate: readRoleRates(r, raw.rate, at('rate')),
      rounding: readRounding(r, raw.rounding, at('rounding')),
      ...(raw.minimum === undefined ? {} : { minimum: readMinimum(r, raw.minimum, at('minimum')) }),
    }),
  },
  'meeting-tiered': {
    fields: ['tiers', ...FORM_SCOPE],
    read: (r, raw, at) => ({ ...formScope(r, raw, at), tiers: readTiers(r, raw.tiers, at('tiers')) }),
  },
  'meeting-flat': {
    fields: ['fee', ...FORM_SCOPE],
    read: (r, raw, at) => ({ ...formScope(r, raw, at), fee: readRoleRates(r, raw.fee, at('fee')) }),
  },
  preparation: {
    fields: ['paid', 'rate', 'rounding', 'capAtMeetingLength'],
    read: (r, raw, at) => timePay(r, raw, at, true),
  },
  'travel-time': { fields: ['paid', 'rate', 'rounding'], read: (r, raw, at) => timePay(r, raw, at, false) },
  'lost-income': {
    fields: ['documented', 'undocumented'],
    read: (r, raw, at) => ({
      documented: readNullable(r, raw.documented, at('documented'), (v, p) => {
        const o = r.object(v, p, ['capPerDayOre']);
        const cap = o?.capPerDayOre === null ? null : r.ore(o?.capPerDayOre, fieldPath(p, 'capPerDayOre'));
        return cap === undefined ? undefined : { capPerDayOre: cap };
      }),
      undocumented: readNullable(r, raw.undocumented, at('undocumented'), (v, p) => {
        const flat = r.ore(r.object(v, p, ['flatPerDayOre'])?.flatPerDayOre, fieldPath(p, 'flatPerDayOre'));
        return flat === undefined ? undefined : { flatPerDayOre: flat };
      }),
    }),
  },
  'daily-cap': {
    fields: ['capOre', 'appliesTo'],
    read: (r, raw, at) => {
      const kinds = r.array(raw.appliesTo, at('appliesTo'), 1) ?? [];
      const appliesTo = kinds.map((k, i) => r.oneOf(k, fieldPath(at('appliesTo'), i), PAYABLE_LINE_KINDS));
      if (new Set(appliesTo).size !== appliesTo.length)
        r.fail(at('appliesTo'), 'must not repeat a line kind');
      return { capOre: r.ore(raw.capOre, at('capOre')), appliesTo };
    },
  },
  'not-payable': {
    fields: ['when', 'reason'],
    read: (r, raw, at) => {
      const w = r.object(raw.when, at('when'), ['attendance', 'form', 'honorariumDecision']) ?? {};
      const when: Record<string, string | undefined> = {};
      if (w.attendance !== undefined)
        when.attendance = r.oneOf(w.attendance, at('when.attendance'), ATTENDANCES);
      if (when.attendance === 'cancelled')
        r.fail(
          at('when.attendance'),
          'must not be cancelled: documented expenses already incurred are always covered when the organiser cancels (a not-attended-expenses rule may cover more)',
        );
      if (w.form !== undefined) when.form = r.oneOf(w.form, at('when.form'), INVOLVEMENT_FORMS);
      if (w.honorariumDecision !== undefined) {
        when.honorariumDecision = r.oneOf(
          w.honorariumDecision,
          at('when.honorariumDecision'),
          HONORARIUM_DECISIONS,
        );
      }
      if (Object.keys(when).length === 0) r.fail(at('when'), 'must name at least one condition');
      return { when, reason: r.text(raw.reason, at('reason')) };
    },
  },
  'not-attended-expenses': {
    fields: ['attendance', 'expenses'],
    read: (r, raw, at) => {
      const kinds = r.array(raw.expenses, at('expenses')) ?? [];
      const expenses = kinds.map((k, i) => r.oneOf(k, fieldPath(at('expenses'), i), EXPENSE_KINDS));
      if (new Set(expenses).size !== expenses.length)
        r.fail(at('expenses'), 'must not repeat an expense kind');
      return { attendance: r.oneOf(raw.attendance, at('attendance'), NOT_ATTENDED), expenses };
    },
  },
  mileage: { fields: ['perKm'], read: (r, raw, at) => ({ perKm: readPerKm(r, raw.perKm, at('perKm')) }) },
  receipts: {
    fields: ['kinds', 'requireReceiptRef'],
    read: (r, raw, at) => ({
      kinds: (r.array(raw.kinds, at('kinds'), 1) ?? []).map((k, i) =>
        r.oneOf(k, fieldPath(at('kinds'), i), RECEIPT_KINDS),
      ),
      requireReceiptRef: r.boolean(raw.requireReceiptRef, at('requireReceiptRef')),
    }),
  },
  meals: {
    fields: ['rates', 'overKm'],
    read: (r, raw, at) => ({
      rates: r.oneOf(raw.rates, at('rates'), ['state'] as const),
      overKm: r.wholeNumber(raw.overKm, at('overKm'), 0, 10_000),
    }),
  },
  tax: {
    fields: [...TAX_TREATMENT_KEYS],
    read: (r, raw, at) =>
      Object.fromEntries(TAX_TREATMENT_KEYS.map((k) => [k, readTaxTreatment(r, raw[k], at(k))])),
  },
};

export const RULE_KINDS = Object.keys(RULES) as RuleKind[];

/**
 * One rule, read by its `kind`. The result is only trusted once the reader
 * reports no failures, which is why the cast at the end is safe.
 */
export function readRule(r: FieldReader, value: unknown, path: string): GuidelineRule | undefined {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(RULES, kind)) {
    const message =
      typeof kind === 'string'
        ? `is not a known rule kind: ${kind} (known: ${RULE_KINDS.join(', ')})`
        : 'is required';
    return r.fail(fieldPath(path, 'kind'), message);
  }
  const spec = RULES[kind as RuleKind];
  const raw = r.object(value, path, ['kind', 'source', 'note', ...spec.fields]);
  if (!raw) return undefined;
  const at = (key: string) => fieldPath(path, key);
  const source = r.url(raw.source, at('source'));
  const note = r.optionalText(raw.note, at('note'));
  const rest = spec.read(r, raw, at);
  return { kind, ...rest, source, ...(note ? { note } : {}) } as unknown as GuidelineRule;
}

function timePay(
  r: FieldReader,
  raw: Raw,
  at: (key: string) => string,
  withCap: boolean,
): Record<string, unknown> {
  const paid = r.boolean(raw.paid, at('paid'));
  if (paid !== true) {
    for (const key of ['rate', 'rounding', 'capAtMeetingLength']) {
      if (raw[key] !== undefined) r.fail(at(key), 'is only allowed when paid is true');
    }
    return { paid };
  }
  return {
    paid,
    rate: readRoleRates(r, raw.rate, at('rate')),
    rounding: readRounding(r, raw.rounding, at('rounding')),
    ...(withCap ? { capAtMeetingLength: r.boolean(raw.capAtMeetingLength, at('capAtMeetingLength')) } : {}),
  };
}
