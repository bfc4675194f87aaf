import { SHIPPED_TRAVEL_RATE_TABLES } from '../../guidelines/state-travel-rates.data';
import { CalendarDate } from '../common/calendar-date';
import { inForceOn } from '../guideline/guideline-in-force';
import { StateTravelRates, TaxFreeMileageRate, TravelRateTables } from './travel-rates.types';

/** The state travel rates in force on the day, or `null` before the first known table. */
export function stateTravelRatesOn(
  date: CalendarDate,
  tables: TravelRateTables = SHIPPED_TRAVEL_RATE_TABLES,
): StateTravelRates | null {
  return inForceOn(tables.state, date);
}

/** The tax-free per-km rate in force on the day, or `null` when none is known. */
export function taxFreeMileageRateOn(
  date: CalendarDate,
  tables: TravelRateTables = SHIPPED_TRAVEL_RATE_TABLES,
): TaxFreeMileageRate | null {
  return inForceOn(tables.taxFreeMileage, date);
}
