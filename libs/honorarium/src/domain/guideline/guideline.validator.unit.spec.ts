import { ValidationFailed } from '@app/shared-kernel';
import { HELSE_MIDT_NORGE_2026_12_01 as MIDT } from '../../guidelines/helse-midt-norge-2026-12-01.guideline';
import { SYNTHETIC_GUIDELINE } from '../calculation/calculation.spec-helper';
import { validateGuideline } from './guideline.validator';

const HONORAR = { taxable: true, incomeType: 'honorarAkkordProsentProvisjon', source: 'https://example.org' };

/** A mutable deep copy of the latest shipped guideline (paying by form), to break one field at a time. */
const copy = (): any => JSON.parse(JSON.stringify(MIDT));

function errorsOf(input: unknown): { field: string; message: string }[] {
  try {
    validateGuideline(input);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors;
    throw error;
  }
  return [];
}

describe('validateGuideline accepts', () => {
  it.each([
    ['helse-midt-norge 2026-12-01', MIDT],
    ['a guideline using every other rule kind', SYNTHETIC_GUIDELINE],
  ])('%s, returning an equal typed copy', (_name, guideline) => {
    const validated = validateGuideline(structuredClone(guideline));
    expect(validated).toEqual(guideline);
  });

  it('a flat fee and an hourly rate for conversation forms, each with its own income type (issue 15, E4)', () => {
    const g = copy();
    g.rules.push(
      {
        kind: 'meeting-flat',
        forms: ['user-interview'],
        fee: { defaultOre: 50000 },
        income: HONORAR,
        source: 'https://example.org/x',
      },
      {
        kind: 'meeting-hourly',
        forms: ['user-conversation', 'dialogue'],
        rate: { defaultOre: 30000 },
        rounding: { mode: 'nearest', stepMinutes: 30 },
        income: HONORAR,
        source: 'https://example.org/x',
      },
    );
    expect(validateGuideline(structuredClone(g))).toEqual(g);
  });

  it('each not-payable case: absence, peer support, a gathering decided unpaid', () => {
    const g = copy();
    // A not-payable absence replaces the shipped rule that covers expenses for one.
    g.rules = g.rules.filter(
      (rule: any) => !(rule.kind === 'not-attended-expenses' && rule.attendance === 'absent'),
    );
    const source = 'https://example.org/x';
    g.rules.push(
      { kind: 'not-payable', when: { attendance: 'absent' }, reason: 'Absent.', source },
      { kind: 'not-payable', when: { form: 'peer-support' }, reason: 'Peer support.', source },
      {
        kind: 'not-payable',
        when: { form: 'user-gathering', honorariumDecision: 'unpaid' },
        reason: 'Unpaid.',
        source,
      },
    );
    expect(validateGuideline(g).rules).toHaveLength(MIDT.rules.length + 2);
  });
});

type Break = [
  what: string,
  change: (g: any) => void,
  field: string,
  message: string | jest.AsymmetricMatcher,
];

// prettier-ignore
const breaks: Break[] = [
  ['missing source', (g) => delete g.rules[0].source, 'rules[0].source', 'is required: every rule names its source'],
  ['source that is not an address', (g) => (g.rules[0].source = 'Statens personalhåndbok'), 'rules[0].source', 'must be an http(s) address'],
  ['negative rate', (g) => (g.rules[0].rate.defaultOre = -42900), 'rules[0].rate.defaultOre', 'must not be negative'],
  ['rate as a float of kroner', (g) => (g.rules[0].rate.byRole.leader = 567.5), 'rules[0].rate.byRole.leader', 'must be a whole number of øre (integer)'],
  ['rate given as text', (g) => (g.rules[0].rate.defaultOre = '429'), 'rules[0].rate.defaultOre', 'must be a number of øre'],
  ['unknown role', (g) => (g.rules[0].rate.byRole.chair = 60000), 'rules[0].rate.byRole.chair', 'is not a known field'],
  ['unknown rule kind', (g) => (g.rules[2] = { kind: 'bonus', source: 'https://example.org' }), 'rules[2].kind', expect.stringContaining('is not a known rule kind: bonus')],
  ['a kind that is only a property of every object', (g) => (g.rules[2].kind = 'toString'), 'rules[2].kind', expect.stringContaining('is not a known rule kind: toString')],
  ['rule without kind', (g) => delete g.rules[2].kind, 'rules[2].kind', 'is required'],
  ['bad date', (g) => (g.effectiveFrom = '2016-02-30'), 'effectiveFrom', 'must be a real date YYYY-MM-DD'],
  ['version not the effective date', (g) => (g.version = '2016-01-02'), 'version', 'must equal effectiveFrom'],
  ['unknown label', (g) => (g.label = 'draft'), 'label', 'must be one of sourced, illustrative'],
  ['region not kebab-case', (g) => (g.region = 'Helse Midt'), 'region', 'must be a kebab-case region code'],
  ['rounding step of 0', (g) => (g.rules[0].rounding.stepMinutes = 0), 'rules[0].rounding.stepMinutes', 'must be a whole number from 1 to 1440'],
  ['rate on an unpaid rule', (g) => (g.rules[2].rate = { defaultOre: 1 }), 'rules[2].rate', 'is only allowed when paid is true'],
  ['daily cap on an unknown line kind', (g) => g.rules.push({ kind: 'daily-cap', capOre: 1, appliesTo: ['bonus'], source: 'https://example.org' }), 'rules[10].appliesTo[0]', expect.stringContaining('must be one of meeting')],
  ['not-payable with no condition', (g) => g.rules.push({ kind: 'not-payable', when: {}, reason: 'x', source: 'https://example.org' }), 'rules[10].when', 'must name at least one condition'],
  ['per-km rate as text', (g) => (g.rules[4].perKm = 'state-rate'), 'rules[4].perKm', "must be 'state', 'by-agreement' or whole øre per km"],
  ['tax treatment without income type', (g) => delete g.rules[7].honorarium.incomeType, 'rules[7].honorarium.incomeType', 'is required (non-empty text)'],
  ['no pay rule', (g) => g.rules.splice(0, 1), 'rules', 'must have at least one pay rule (meeting-hourly, meeting-tiered, meeting-flat)'],
  ['two tax rules', (g) => g.rules.push(structuredClone(g.rules[7])), 'rules', 'must have exactly one tax rule, found 2'],
  ['two mileage rules', (g) => g.rules.push(structuredClone(g.rules[4])), 'rules', 'must have at most one mileage rule, found 2'],
  ['lost income part left out', (g) => delete g.rules[3].undocumented, 'rules[3].undocumented', 'is required (null when not paid)'],
  // Issue 15, E4: per-form pay rules, income types, absence and cancellation rules.
  ['pay rule naming no forms', (g) => delete g.rules[0].forms, 'rules[0].forms', 'is required: name the forms this rule pays (a form no rule names is not paid)'],
  ['pay rule with an empty form list', (g) => (g.rules[0].forms = []), 'rules[0].forms', 'must have at least 1 item(s)'],
  ['unknown form', (g) => g.rules[0].forms.push('user-board'), 'rules[0].forms[4]', expect.stringContaining('must be one of user-council')],
  ['peer support paid', (g) => g.rules[0].forms.push('peer-support'), 'rules[0].forms[4]', 'must not be peer-support: peer support is never paid'],
  ['a form named twice in one rule', (g) => g.rules[0].forms.push('user-panel'), 'rules[0].forms', 'must not repeat a form'],
  ['a form paid by two rules', (g) => g.rules.push({ kind: 'meeting-flat', forms: ['user-interview', 'user-council'], fee: { defaultOre: 1 }, income: HONORAR, source: 'https://example.org' }), 'rules[10].forms[1]', 'user-council is already paid by rules[0]'],
  ['interviews paid as the tax rule’s verv fee', (g) => g.rules[0].forms.push('user-interview'), 'rules[0].income', 'is required: the tax rule reports honorarium as styrehonorarOgGodtgjoerelseVerv, and interviews, conversations and dialogues (user-interview) are not paid as a board or council fee (verv)'],
  ['dialogues given the verv fee as their own income type', (g) => g.rules.push({ kind: 'meeting-flat', forms: ['dialogue'], fee: { defaultOre: 1 }, income: { ...HONORAR, incomeType: 'styrehonorarOgGodtgjoerelseVerv' }, source: 'https://example.org' }), 'rules[10].income.incomeType', 'must not be styrehonorarOgGodtgjoerelseVerv: interviews, conversations and dialogues (dialogue) are not paid as a board or council fee (verv)'],
  ['income without a type', (g) => (g.rules[0].income = { taxable: true, source: 'https://example.org' }), 'rules[0].income.incomeType', 'is required (non-empty text)'],
  ['flat fee of kroner as a float', (g) => g.rules.push({ kind: 'meeting-flat', forms: ['user-interview'], fee: { defaultOre: 500.5 }, income: HONORAR, source: 'https://example.org' }), 'rules[10].fee.defaultOre', 'must be a whole number of øre (integer)'],
  ['not-attended-expenses for a present attendance', (g) => (g.rules[8].attendance = 'remote'), 'rules[8].attendance', 'must be one of absent, cancelled'],
  ['not-attended-expenses naming an unknown expense', (g) => (g.rules[8].expenses = ['taxi']), 'rules[8].expenses[0]', expect.stringContaining('must be one of mileage')],
  ['two not-attended-expenses rules for one attendance', (g) => g.rules.push(structuredClone(g.rules[9])), 'rules', 'must have at most one not-attended-expenses rule for cancelled, found 2'],
  ['a not-payable rule for a cancellation', (g) => g.rules.push({ kind: 'not-payable', when: { attendance: 'cancelled' }, reason: 'x', source: 'https://example.org' }), 'rules[10].when.attendance', expect.stringContaining('must not be cancelled: documented expenses already incurred are always covered')],
  ['a not-payable absence beside an absence that covers expenses', (g) => g.rules.push({ kind: 'not-payable', when: { attendance: 'absent' }, reason: 'x', source: 'https://example.org' }), 'rules', expect.stringContaining('must not have both a not-payable rule and a not-attended-expenses rule for absent')],
];

describe('validateGuideline refuses', () => {
  it.each(breaks)('%s', (_what, change, field, message) => {
    const g = copy();
    change(g);
    expect(errorsOf(g)).toEqual([{ field, message }]);
  });

  it('a misspelt field, naming the one that is then missing', () => {
    const g = copy();
    g.rules[3].documented = { capPerDay: 188600 };
    expect(errorsOf(g)).toEqual([
      { field: 'rules[3].documented.capPerDay', message: 'is not a known field' },
      { field: 'rules[3].documented.capPerDayOre', message: 'is required (whole øre)' },
    ]);
  });

  it('tiers that do not start at 0, do not ascend, or pay less for longer', () => {
    const g = structuredClone(SYNTHETIC_GUIDELINE) as any;
    g.rules[0].tiers = [
      { fromMinutes: 10, fee: { defaultOre: 500 } },
      { fromMinutes: 10, fee: { defaultOre: 400 } },
    ];
    expect(errorsOf(g)).toEqual([
      { field: 'rules[0].tiers[0].fromMinutes', message: 'must be 0: every meeting needs a tier' },
      { field: 'rules[0].tiers[1].fromMinutes', message: 'must ascend' },
      { field: 'rules[0].tiers[1].fee', message: 'must not be lower than the tier before (default)' },
    ]);
  });

  it('what is not an object at all', () => {
    expect(errorsOf(null)).toEqual([{ field: '(root)', message: 'must be an object' }]);
    expect(errorsOf({ ...copy(), rules: [] })).toEqual([
      { field: 'rules', message: 'must have at least 1 item(s)' },
    ]);
  });

  it('listing every problem at once', () => {
    const g = copy();
    delete g.rules[0].source;
    g.rules[1].rate.defaultOre = -1;
    expect(errorsOf(g).map((e) => e.field)).toEqual(['rules[0].source', 'rules[1].rate.defaultOre']);
  });
});
