import { Guideline } from '../domain/guideline/guideline.types';
import { deepFreeze } from './deep-freeze';
import {
  STATE_COMMITTEE_RATES_PM_2015_9 as STATE_COMMITTEE,
  STATE_TRAVEL_AGREEMENT_PM_2025_12 as STATE_TRAVEL,
} from './sources';
import { STATE_TAX_RULE } from './state-tax.data';

const EACH_STARTED_HALF_HOUR = { mode: 'each-started', stepMinutes: 30 } as const;
/** Forms that are committee or council work (a verv), which the state committee rates pay. */
const COMMITTEE_FORMS = ['user-council', 'user-panel', 'user-gathering', 'user-group'] as const;

/**
 * Helse Midt-Norge from 2026-12-01, the day the product adopted the revised
 * rules of payment by form, absence and cancellation (docs/adr/0025). The same
 * illustrative state figures as version 2016-01-01, which still prices every
 * day before this one exactly as it did: a version is never edited once
 * shipped. What is new: the committee rates pay committee and council work
 * (council, panel, gathering, group); interviews, conversations and dialogues
 * are no verv and no source gives them a rate, so they are not paid (their
 * documented expenses are); an absence covers no expenses; a cancellation by
 * the organiser covers documented outlays already incurred.
 */
export const HELSE_MIDT_NORGE_2026_12_01: Guideline = deepFreeze<Guideline>({
  region: 'helse-midt-norge',
  issuer: 'Helse Midt-Norge RHF (illustrative table from state rates)',
  version: '2026-12-01',
  effectiveFrom: '2026-12-01',
  label: 'illustrative',
  note: 'Illustrative: built from state committee and travel rates until the region enters its adopted table. Pays by form, absence and cancellation from 2026-12-01 (docs/adr/0025).',
  rules: [
    {
      kind: 'meeting-hourly',
      forms: [...COMMITTEE_FORMS],
      rate: { defaultOre: 42900, byRole: { member: 42900, leader: 56700 } },
      rounding: EACH_STARTED_HALF_HOUR,
      source: STATE_COMMITTEE,
      note: 'Illustrative: the state committee rates pay committee and council work (a verv); interviews, conversations and dialogues are not a verv and no source gives them a rate, so they are not paid.',
    },
    {
      kind: 'preparation',
      paid: true,
      rate: { defaultOre: 42900 },
      rounding: EACH_STARTED_HALF_HOUR,
      capAtMeetingLength: true,
      source: STATE_COMMITTEE,
      note: 'Illustrative: the member rate, at most the meeting’s rounded length.',
    },
    {
      kind: 'travel-time',
      paid: false,
      source: STATE_COMMITTEE,
      note: 'Illustrative: travel time is not paid.',
    },
    {
      kind: 'lost-income',
      documented: { capPerDayOre: 188600 },
      undocumented: null,
      source: STATE_COMMITTEE,
      note: 'Documented lost income only.',
    },
    { kind: 'mileage', perKm: 'state', source: STATE_TRAVEL },
    {
      kind: 'receipts',
      kinds: ['ticket', 'lodging', 'other'],
      requireReceiptRef: false,
      source: STATE_TRAVEL,
    },
    { kind: 'meals', rates: 'state', overKm: 15, source: STATE_TRAVEL },
    STATE_TAX_RULE,
    {
      kind: 'not-attended-expenses',
      attendance: 'absent',
      expenses: [],
      source: STATE_COMMITTEE,
      note: 'Illustrative: the committee rates pay for meetings attended, and no source covers expenses for an absence.',
    },
    {
      kind: 'not-attended-expenses',
      attendance: 'cancelled',
      expenses: [],
      source: STATE_TRAVEL,
      note: 'Illustrative: documented outlays already incurred (tickets, lodging, other receipts) are refunded at cost; no source covers own car or meals for a meeting that did not take place.',
    },
  ],
});
