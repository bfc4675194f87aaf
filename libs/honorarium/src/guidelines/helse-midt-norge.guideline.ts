import { Guideline } from '../domain/guideline/guideline.types';
import { deepFreeze } from './deep-freeze';
import {
  STATE_COMMITTEE_RATES_PM_2015_9 as STATE_COMMITTEE,
  STATE_TRAVEL_AGREEMENT_PM_2025_12 as STATE_TRAVEL,
} from './sources';
import { STATE_TAX_RULE } from './state-tax.data';

const EACH_STARTED_HALF_HOUR = { mode: 'each-started', stepMinutes: 30 } as const;

/**
 * Helse Midt-Norge: an illustrative table until the region's adopted one is
 * entered, built only from sourced state figures (committee rates from
 * 2016-01-01, state travel rates on the day). Worked example, 2025-03-10,
 * member, meeting 2 h 40 min, preparation 1 h 10 min, 84 km own car:
 * 1287.00 + 643.50 + 294.00 tax-free + 126.00 taxable = 2350.50 NOK.
 */
export const HELSE_MIDT_NORGE_2016_01_01: Guideline = deepFreeze<Guideline>({
  region: 'helse-midt-norge',
  issuer: 'Helse Midt-Norge RHF (illustrative table from state rates)',
  version: '2016-01-01',
  effectiveFrom: '2016-01-01',
  label: 'illustrative',
  note: 'Illustrative: built from state committee and travel rates until the region enters its adopted table.',
  rules: [
    {
      kind: 'meeting-hourly',
      rate: { defaultOre: 42900, byRole: { member: 42900, leader: 56700 } },
      rounding: EACH_STARTED_HALF_HOUR,
      source: STATE_COMMITTEE,
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
  ],
});
