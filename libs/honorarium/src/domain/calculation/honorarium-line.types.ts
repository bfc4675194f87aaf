import { Ore } from '@app/shared-kernel';
import { CalendarDate } from '../common/calendar-date';

/** Lines that can carry money; daily caps may name any of them. */
export const PAYABLE_LINE_KINDS = [
  'meeting',
  'preparation',
  'travel-time',
  'lost-income-documented',
  'lost-income-undocumented',
  'mileage',
  'ticket',
  'lodging',
  'other',
  'meals',
] as const;
export type PayableLineKind = (typeof PAYABLE_LINE_KINDS)[number];

/** `not-payable` lines carry no money; they say why nothing was paid. */
export type LineKind = PayableLineKind | 'not-payable';

export type LineUnit = 'hour' | 'meeting' | 'km' | 'receipt' | 'claim' | 'trip' | 'none';

/**
 * One line of a calculation. `amountOre` is `quantity × rateOre` unless the
 * explanation says otherwise (a daily cap reduced it, or time was paid by
 * the minute). Hourly lines have `unit: 'hour'` and a quantity in hours.
 */
export interface HonorariumLine {
  kind: LineKind;
  quantity: number;
  unit: LineUnit;
  rateOre: Ore;
  amountOre: Ore;
  taxable: boolean;
  /** The a-melding income type (beskrivelse) the line is reported under; see README. */
  incomeType: string;
  explanation: string;
}

export interface HonorariumCalculation {
  lines: HonorariumLine[];
  /** Always the sum of the lines' amounts. */
  totalOre: Ore;
  guideline: { region: string; version: CalendarDate };
  /** Effective-from dates of the state rate tables the lines used (`null`: none used). */
  rateTables: { stateTravel: CalendarDate | null; taxFreeMileage: CalendarDate | null };
}

/** Income type for lines that pay nothing: nothing is reported. */
export const NO_INCOME_TYPE = 'none';
