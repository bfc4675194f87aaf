import { neutraliseUnsafeCharacters } from '@app/shared-kernel';

/** Bokmål labels of the codes the account carries: a person reads these, never the codes. */
export const LEVEL_LABEL: Record<string, string> = {
  individual: 'individnivå',
  service: 'tjenestenivå',
  system: 'systemnivå',
};

export const FORM_LABEL: Record<string, string> = {
  'user-council': 'Brukerutvalg',
  'user-panel': 'Brukerpanel',
  'user-gathering': 'Brukersamling',
  'user-group': 'Brukergruppe',
  'user-interview': 'Brukerintervju',
  'user-conversation': 'Brukersamtale',
  dialogue: 'Dialogsamtale',
  'peer-support': 'Likemannsarbeid',
};

export const MEASURE_STATUS_LABEL: Record<string, string> = {
  planned: 'planlagt',
  'in-progress': 'pågår',
  done: 'gjennomført',
  postponed: 'utsatt',
  cancelled: 'avlyst',
};

export const BUDGET_LINE_LABEL: Record<string, string> = {
  honorarium: 'Honorar (møtegodtgjørelse)',
  expenses: 'Reise, kost og overnatting',
  lostIncome: 'Tapt arbeidsinntekt',
  councilRunningCosts: 'Drift av brukerutvalg',
  userOrganizationGrants: 'Tilskudd til brukerorganisasjoner',
  training: 'Opplæring',
};

export const ACTUAL_SOURCE_LABEL: Record<string, string> = {
  involvements: 'registrert medvirkning',
  'recorded-spending': 'registrerte utgifter',
  'training-records': 'registrert opplæring',
};

export const AUDIENCE_LABEL: Record<string, string> = {
  representatives: 'brukerrepresentanter',
  staff: 'ansatte',
};

export const AGE_BAND_LABEL: Record<string, string> = {
  'under-18': 'under 18 år',
  '18-29': '18–29 år',
  '30-49': '30–49 år',
  '50-66': '50–66 år',
  '67-79': '67–79 år',
  '80-and-over': '80 år og eldre',
};

export const REASON_LABEL: Record<string, string> = {
  'no-involvements': 'ingen medvirkning registrert',
  'not-documented': 'medvirkningen er ikke dokumentert (innkalling eller oppmøte mangler)',
  'late-invitations': 'innkalling og saksdokumenter kom for sent',
  'not-attended': 'oppmøte er ikke bekreftet',
  'not-heard': 'innspill er ikke registrert',
  'no-feedback': 'ingen tilbakemelding i tide',
  'no-influence': 'ingen dokumentert innflytelse på beslutninger',
  'too-few-representatives': 'for få oppnevnte brukerrepresentanter',
  'not-involved-early': 'brukerne ble ikke involvert tidlig',
};

/** A label for a code, and a Norwegian phrase (never the code) for one this page does not know yet. */
export const label = (labels: Record<string, string>, code: string, unknown = 'annet') =>
  labels[code] ?? unknown;

const NUMBER = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const KRONER = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 });
const DATE = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('nb-NO', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Oslo',
});

/** nb-NO: "3 195" (non-breaking space between thousands), "2,5". */
export const tall = (n: number) => NUMBER.format(n);
/** Øre as kroner, nb-NO: "3 195,00 kr". */
export const kroner = (ore: number) => `${KRONER.format(ore / 100)}\u00a0kr`;
/** A share 0–1 as nb-NO percent: "66,7 %". */
export const prosent = (share: number) => PERCENT.format(share);
/** A date YYYY-MM-DD as "15. mars 2025". */
export const dato = (isoDate: string) => DATE.format(new Date(`${isoDate}T00:00:00Z`));
/** An instant as Oslo time, "1. desember 2026 kl. 14:00". */
export const tidspunkt = (iso: string) => INSTANT.format(new Date(iso));

/** A count that may be suppressed (null): below 5 it reads "færre enn 5". */
export const antall = (count: number | null) => (count === null ? 'færre enn 5' : tall(count));

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value on the page passes through here: escaped, unsafe characters neutralised. */
export const esc = (value: unknown) =>
  neutraliseUnsafeCharacters(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c]);
