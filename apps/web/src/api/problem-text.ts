// Every problem+json the API answers, told in bokmål with the field named.

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  rule?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

/** What the person reads: a sentence, and one line per field that is wrong. */
export interface ProblemText {
  summary: string;
  fields: Array<{ field: string; label: string; text: string }>;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Navn',
  organizationId: 'Organisasjon',
  region: 'Region (retningslinje)',
  level: 'Nivå',
  description: 'Beskrivelse',
  participantId: 'Deltaker',
  nationalId: 'Fødselsnummer',
  bankAccount: 'Kontonummer',
  email: 'E-post',
  employedBy: 'Arbeidsgiver',
  role: 'Rolle',
  nominatedBy: 'Foreslått av',
  appointedBy: 'Oppnevnt av',
  from: 'Fra dato',
  to: 'Til dato',
  form: 'Medvirkningsform',
  occurredOn: 'Dato',
  attendance: 'Oppmøte',
  hours: 'Timer',
  'hours.meeting': 'Møtetimer',
  'hours.preparation': 'Forberedelsestimer',
  'hours.travel': 'Reisetimer',
  expenses: 'Utlegg',
  'expenses.km': 'Kilometer',
  'expenses.amountOre': 'Beløp',
  'expenses.receiptRef': 'Kvitteringsreferanse',
  lostIncome: 'Tapt arbeidsinntekt',
  'lostIncome.amountOre': 'Tapt arbeidsinntekt, beløp',
  honorariumDecision: 'Honorarvedtak',
  topic: 'Tema',
  reason: 'Begrunnelse',
  changes: 'Endringer',
  kind: 'Type',
  at: 'Tidspunkt',
  summary: 'Sammendrag',
  decisionRef: 'Saksreferanse',
  outcome: 'Utfall',
  rationale: 'Begrunnelse for utfallet',
  documentsSharedAt: 'Sakspapirer delt',
  confirmedBy: 'Bekreftet av',
  periodEnd: 'Til og med dato',
  results: 'Resultater',
  lineId: 'Linje',
  status: 'Status',
  reference: 'Referanse',
  year: 'År',
  sub: 'Bruker-id',
  roles: 'Roller',
  confirmed: 'Bekreftelse',
};

const RULES: Record<string, string> = {
  'participant-forgotten':
    'Personopplysningene til denne deltakeren er slettet, så det kan ikke registreres mer på vedkommende.',
  'employee-at-system-level-needs-exception':
    'Deltakeren er ansatt i prosjektets organisasjon. Oppnevning på systemnivå krever at du oppgir en begrunnelse for unntaket.',
  'experience-consultant-at-system-level-needs-exception':
    'En erfaringskonsulent i egen organisasjon kan bare oppnevnes på systemnivå med en begrunnelse for unntaket.',
  'appointment-ends-before-start': 'Oppnevningen kan ikke slutte før den begynner.',
  'appointment-already-ended': 'Oppnevningen er allerede avsluttet.',
  'appointment-required':
    'Brukerutvalg, brukerpanel og brukergruppe krever at deltakeren er oppnevnt til prosjektet på datoen.',
  'honorarium-decision-required': 'En brukersamling må ha et vedtak om honorar skal betales eller ikke.',
  'peer-support-never-paid': 'Likepersonsarbeid er ikke medvirkning og honoreres aldri.',
  'council-and-panel-always-paid':
    'Brukerutvalg og brukerpanel skal alltid honoreres. Bare deltakeren selv kan gi avkall på honoraret, og utlegg dekkes uansett.',
  'involvement-in-future': 'Datoen kan ikke være fram i tid.',
  'hours-out-of-range': 'Hvert timetall må være mellom 0 og 24.',
  'day-hours-exceeded': 'Deltakeren har da mer enn 24 timer registrert på samme dag.',
  'meeting-hours-required': 'Møtetimer må være mer enn 0 når deltakeren var til stede.',
  'involvement-voided': 'Medvirkningen er annullert og kan ikke endres.',
  'reason-required': 'Du må skrive en begrunnelse.',
  'correction-changes-nothing': 'Rettelsen endrer ingenting. Endre minst ett felt.',
  'influence-rationale-required': 'Når innspillet ikke ble tatt til følge, må du skrive hvorfor.',
  'evidence-in-future': 'Dokumentasjonen kan ikke være datert fram i tid.',
  'nothing-payable': 'Det er ingenting å utbetale til og med denne datoen.',
  'batch-over-bound': 'Utbetalingsgrunnlaget er større enn det som er tillatt i én utbetaling.',
  'unknown-region': 'Regionen finnes ikke. Velg en region som har en retningslinje.',
  'guideline-not-in-force': 'Ingen retningslinje for honorar gjelder på denne datoen.',
  'involvement-over-bound': 'Beløpet er større enn det som er tillatt for én medvirkning.',
  'mixed-guideline-regions': 'Utbetalingen blander retningslinjer fra ulike regioner.',
  'ambiguous-effective-date': 'Det finnes allerede en versjon av retningslinjen fra samme dato.',
  'idempotency-key-reused': 'Den samme forespørselen ble sendt med annet innhold. Prøv igjen.',
};

const STATUS_TEXT: Record<number, string> = {
  0: 'Fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
  400: 'Noe i skjemaet er ikke fylt ut riktig.',
  401: 'Du er ikke logget inn, eller innloggingen er utløpt. Logg inn på nytt.',
  403: 'Du har ikke tilgang til å gjøre dette.',
  404: 'Fant ikke det du ba om. Sjekk at id-en er riktig.',
  409: 'Dette kan ikke gjøres slik saken står nå.',
  412: 'Noen andre har endret dette i mellomtiden. Last inn på nytt og prøv igjen.',
  413: 'Det du sendte er for stort.',
  415: 'Tjenesten forstod ikke formatet på det som ble sendt.',
  422: 'Tjenesten avviste dette fordi det bryter en regel.',
  429: 'Du har sendt mange forespørsler på kort tid. Vent litt og prøv igjen.',
  503: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.',
};

/** "hours.meeting" and "expenses[0].km" get the label of the field, with the row when there is one. */
export function fieldLabel(field: string): string {
  const row = /\[(\d+)\]/.exec(field);
  const plain = field.replace(/\[\d+\]/g, '');
  const label = FIELD_LABELS[plain] ?? FIELD_LABELS[plain.split('.').pop() ?? plain] ?? plain;
  return row ? `${label} (rad ${Number(row[1]) + 1})` : label;
}

const MESSAGE_PATTERNS: Array<[RegExp, string]> = [
  [/should not be empty|must not be empty|is required|must be present/i, 'må fylles ut'],
  [/ISO 8601 date|YYYY-MM-DD|must be a date|valid date/i, 'må være en gyldig dato'],
  [/date-time|instant/i, 'må være et gyldig tidspunkt'],
  [/must be one of|must be a valid enum|allowed values/i, 'har en verdi som ikke er tillatt'],
  [
    /must not be greater than|at most|must not exceed|too long|shorter than or equal/i,
    'er for stort eller for langt',
  ],
  [
    /must not be less than|at least|longer than or equal|above 0|greater than 0/i,
    'er for lite eller for kort',
  ],
  [/must be an integer|whole number/i, 'må være et helt tall'],
  [/must be a number|conforming to the specified constraints/i, 'må være et tall'],
  [/must be a string/i, 'må være tekst'],
  [/must be a boolean/i, 'må være ja eller nei'],
  [/must be an array/i, 'må være en liste'],
  [/should not exist|not allowed|unknown field|forbidden/i, 'skal ikke være med'],
  [/national id|fødselsnummer|check digit|mod(ulus)?[- ]?11/i, 'er ikke et gyldig fødselsnummer'],
  [/bank account|account number/i, 'er ikke et gyldig kontonummer'],
  [/in the future/i, 'kan ikke være fram i tid'],
  [/email/i, 'må være en gyldig e-postadresse'],
];

/** A field's message from the API, in bokmål when it is a known kind of mistake. */
export function fieldText(message: string): string {
  for (const [pattern, text] of MESSAGE_PATTERNS) if (pattern.test(message)) return text;
  return 'er ikke gyldig';
}

/** Turns a problem into what the person reads. */
export function problemText(problem: Problem): ProblemText {
  const fields = (problem.errors ?? []).map((e) => ({
    field: e.field,
    label: fieldLabel(e.field),
    text: fieldText(e.message),
  }));
  const rule = problem.rule ? RULES[problem.rule] : undefined;
  let summary = rule ?? STATUS_TEXT[problem.status] ?? 'Noe gikk galt hos tjenesten. Prøv igjen senere.';
  if (problem.status === 403 && /other than its creator/.test(problem.detail ?? ''))
    summary = 'Du laget dette utbetalingsgrunnlaget selv. En annen i økonomi må godkjenne det (fire øyne).';
  if (problem.status === 422 && !rule && problem.rule)
    summary = `Tjenesten avviste dette etter regelen «${problem.rule}».`;
  return { summary, fields };
}
