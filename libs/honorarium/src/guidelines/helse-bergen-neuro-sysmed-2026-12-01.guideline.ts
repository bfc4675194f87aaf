import { Guideline } from '../domain/guideline/guideline.types';
import { deepFreeze } from './deep-freeze';
import { HELSE_BERGEN_NEURO_SYSMED_PAGE as SOURCE } from './sources';
import { STATE_TAX_RULE } from './state-tax.data';

const MEETING_FORMS = ['user-council', 'user-panel', 'user-gathering', 'user-group'] as const;

/**
 * Helse Bergen HF, Neuro-SysMed (unit level), from 2026-12-01, the day the
 * product adopted the revised rules of payment by form, absence and
 * cancellation (docs/adr/0025). The source's rate is unchanged: 355 NOK per
 * hour of actual meeting time to the nearest half hour, at least 1 hour in
 * person. Version 2025-05-06 still prices every day before this one exactly
 * as it did. What is new: the source pays meetings, so interviews,
 * conversations and dialogues are not paid; an absence covers nothing; a
 * cancellation by the organiser covers the tickets already bought (the only
 * outlay the source names). Adjusted every other year: publish a new
 * version, never edit this one.
 */
export const HELSE_BERGEN_NEURO_SYSMED_2026_12_01: Guideline = deepFreeze<Guideline>({
  region: 'helse-bergen-neuro-sysmed',
  issuer: 'Helse Bergen HF, Neuro-SysMed',
  version: '2026-12-01',
  effectiveFrom: '2026-12-01',
  label: 'sourced',
  rules: [
    {
      kind: 'meeting-hourly',
      forms: [...MEETING_FORMS],
      rate: { defaultOre: 35500 },
      rounding: { mode: 'nearest', stepMinutes: 30 },
      minimum: { minutes: 60, attendance: ['in-person'] },
      source: SOURCE,
      note: 'The source pays actual meeting time and names no rate for interviews, conversations or dialogues, so they are not paid.',
    },
    {
      kind: 'preparation',
      paid: false,
      source: SOURCE,
      note: 'The source says nothing of preparation, so it is not paid.',
    },
    {
      kind: 'travel-time',
      paid: false,
      source: SOURCE,
      note: 'The source says nothing of travel time, so it is not paid.',
    },
    {
      kind: 'not-attended-expenses',
      attendance: 'absent',
      expenses: [],
      source: SOURCE,
      note: 'Nothing is paid for illness or other absence.',
    },
    {
      kind: 'not-attended-expenses',
      attendance: 'cancelled',
      expenses: [],
      source: SOURCE,
      note: 'The source says nothing of cancelled meetings: documented outlays already incurred are covered as the receipts rule says (tickets), nothing more.',
    },
    {
      kind: 'lost-income',
      documented: { capPerDayOre: null },
      undocumented: null,
      source: SOURCE,
      note: 'Covered on request with documentation; the source states no cap.',
    },
    {
      kind: 'mileage',
      perKm: 'by-agreement',
      source: SOURCE,
      note: 'Own car only by agreement, and the source gives no per-km rate.',
    },
    {
      kind: 'receipts',
      kinds: ['ticket'],
      requireReceiptRef: false,
      source: SOURCE,
      note: 'Travel is covered by the cheapest means; the source names no lodging or other outlays.',
    },
    STATE_TAX_RULE,
  ],
});
