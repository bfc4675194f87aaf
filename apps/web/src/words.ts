// The codes of the API in bokmål: what a person reads instead of the code.

const FORMS: Record<string, string> = {
  'user-council': 'Brukerutvalg',
  'user-panel': 'Brukerpanel',
  'user-gathering': 'Brukersamling',
  'user-group': 'Brukergruppe',
  'user-interview': 'Brukerintervju',
  'user-conversation': 'Brukersamtale',
  dialogue: 'Dialogmøte',
  'peer-support': 'Likepersonsarbeid',
};
const ATTENDANCE: Record<string, string> = {
  'in-person': 'Møtte fysisk',
  remote: 'Deltok digitalt',
  absent: 'Fravær',
  cancelled: 'Avlyst av arrangør',
};
const LEVELS: Record<string, string> = {
  individual: 'Individnivå',
  service: 'Tjenestenivå',
  system: 'Systemnivå',
};
const APPOINTMENT_ROLES: Record<string, string> = {
  member: 'Medlem',
  leader: 'Leder',
  deputy: 'Vara',
  'experience-consultant': 'Erfaringskonsulent',
  'user-representative': 'Brukerrepresentant',
  'next-of-kin-representative': 'Pårørenderepresentant',
};
const LINE_KINDS: Record<string, string> = {
  meeting: 'Møtegodtgjørelse',
  preparation: 'Forberedelse',
  'travel-time': 'Reisetid',
  mileage: 'Kjøregodtgjørelse',
  ticket: 'Billett',
  lodging: 'Overnatting',
  meals: 'Kostgodtgjørelse',
  other: 'Andre utlegg',
  'lost-income-documented': 'Tapt arbeidsinntekt (dokumentert)',
  'lost-income-undocumented': 'Tapt arbeidsinntekt (udokumentert)',
};
const UNITS: Record<string, string> = {
  hour: 'timer',
  km: 'km',
  day: 'døgn',
  receipt: 'kvittering',
  flat: 'fast',
};
const BATCH_STATUS: Record<string, string> = {
  draft: 'Utkast',
  approved: 'Godkjent',
  settled: 'Oppgjort',
  cancelled: 'Kansellert',
};
const LINE_STATUS: Record<string, string> = {
  draft: 'Utkast',
  approved: 'Godkjent',
  paid: 'Utbetalt',
  failed: 'Feilet',
  cancelled: 'Kansellert',
  accrued: 'Opptjent',
  batched: 'I utbetalingsgrunnlag',
};
const INVOLVEMENT_STATUS: Record<string, string> = { logged: 'Registrert', voided: 'Annullert' };
const EVIDENCE: Record<string, string> = {
  invitation: 'Innkalling',
  attendance: 'Oppmøte bekreftet',
  input: 'Innspill',
  feedback: 'Tilbakemelding',
  influence: 'Påvirkning',
};
const OUTCOMES: Record<string, string> = {
  adopted: 'Tatt til følge',
  'partly-adopted': 'Delvis tatt til følge',
  'not-adopted': 'Ikke tatt til følge',
};
const REALITY_REASONS: Record<string, string> = {
  'no-involvements': 'Ingen medvirkning er registrert',
  'not-documented': 'Medvirkningen er ikke dokumentert (innkalling eller oppmøte mangler)',
  'late-invitations': 'Innkalling eller sakspapirer kom for sent',
  'not-attended': 'Brukerrepresentantene møtte ikke',
  'not-heard': 'Ingen innspill fra brukerrepresentantene er registrert',
  'no-feedback': 'Brukerrepresentantene fikk ikke tilbakemelding',
  'no-influence': 'Ingen påvirkning på beslutninger er dokumentert',
  'too-few-representatives': 'For få brukerrepresentanter',
  'feedback-late': 'Tilbakemeldingen kom for sent',
  'feedback-before-meeting': 'Tilbakemeldingen er datert før møtet',
  'not-involved-early': 'Brukerne ble ikke involvert tidlig',
};
const EVENT_TYPES: Record<string, string> = {
  ParticipantRegistered: 'Deltaker registrert',
  ParticipantForgotten: 'Personopplysninger slettet',
  ProjectRegistered: 'Prosjekt registrert',
  ProjectLeadAdded: 'Prosjektleder lagt til',
  AppointmentMade: 'Oppnevnt',
  AppointmentEnded: 'Oppnevning avsluttet',
  InvolvementLogged: 'Medvirkning registrert',
  InvolvementCorrected: 'Medvirkning rettet',
  InvolvementVoided: 'Medvirkning annullert',
  EvidenceAdded: 'Dokumentasjon lagt til',
  PayoutBatchDrafted: 'Utbetalingsgrunnlag laget',
  PayoutBatchApproved: 'Utbetalingsgrunnlag godkjent',
  PayoutBatchCancelled: 'Utbetalingsgrunnlag kansellert',
  PaymentResultsRecorded: 'Utbetalingsresultat registrert',
  PayoutBatchSettled: 'Utbetalingsgrunnlag oppgjort',
};
const INCOME_TYPES: Record<string, string> = {
  styrehonorarOgGodtgjoerelseVerv: 'Styrehonorar og godtgjørelse i verv',
  kilometergodtgjoerelseBil: 'Kilometergodtgjørelse bil',
  reiseKost: 'Kostgodtgjørelse',
  'outlay-refund': 'Refusjon av utlegg (ikke inntekt)',
};

const pick = (table: Record<string, string>, code: string | null | undefined): string =>
  code == null ? '–' : (table[code] ?? code);

export const words = {
  form: (code: string | null | undefined) => pick(FORMS, code),
  attendance: (code: string | null | undefined) => pick(ATTENDANCE, code),
  level: (code: string | null | undefined) => pick(LEVELS, code),
  appointmentRole: (code: string | null | undefined) => pick(APPOINTMENT_ROLES, code),
  lineKind: (code: string | null | undefined) => pick(LINE_KINDS, code),
  unit: (code: string | null | undefined) => pick(UNITS, code),
  batchStatus: (code: string | null | undefined) => pick(BATCH_STATUS, code),
  lineStatus: (code: string | null | undefined) => pick(LINE_STATUS, code),
  involvementStatus: (code: string | null | undefined) => pick(INVOLVEMENT_STATUS, code),
  evidence: (code: string | null | undefined) => pick(EVIDENCE, code),
  outcome: (code: string | null | undefined) => pick(OUTCOMES, code),
  realityReason: (code: string | null | undefined) => pick(REALITY_REASONS, code),
  eventType: (code: string | null | undefined) => pick(EVENT_TYPES, code),
  incomeType: (code: string | null | undefined) => pick(INCOME_TYPES, code),
};

export const FORM_CODES = Object.keys(FORMS);
export const ATTENDANCE_CODES = ['in-person', 'remote', 'absent'];
export const LEVEL_CODES = Object.keys(LEVELS);
export const EVIDENCE_CODES = Object.keys(EVIDENCE);
export const OUTCOME_CODES = Object.keys(OUTCOMES);
export const APPOINTMENT_ROLE_CODES = ['member', 'leader', 'deputy', 'experience-consultant'];
