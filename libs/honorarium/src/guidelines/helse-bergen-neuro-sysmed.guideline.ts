import { Guideline } from '../domain/guideline/guideline.types';
import { deepFreeze } from './deep-freeze';
import { HELSE_BERGEN_NEURO_SYSMED_PAGE as SOURCE } from './sources';
import { STATE_TAX_RULE } from './state-tax.data';

/**
 * Helse Bergen HF, Neuro-SysMed (unit level), from 2025-05-06: 355 NOK per hour
 * of actual meeting time to the nearest half hour, at least 1 hour in person.
 * Adjusted every other year: publish a new version, never edit this one.
 */
export const HELSE_BERGEN_NEURO_SYSMED_2025_05_06: Guideline = deepFreeze<Guideline>({
  region: 'helse-bergen-neuro-sysmed',
  issuer: 'Helse Bergen HF, Neuro-SysMed',
  version: '2025-05-06',
  effectiveFrom: '2025-05-06',
  label: 'sourced',
  rules: [
    {
      kind: 'meeting-hourly',
      rate: { defaultOre: 35500 },
      rounding: { mode: 'nearest', stepMinutes: 30 },
      minimum: { minutes: 60, attendance: ['in-person'] },
      source: SOURCE,
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
      kind: 'not-payable',
      when: { attendance: 'absent' },
      reason: 'Nothing is paid for illness or other absence.',
      source: SOURCE,
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
