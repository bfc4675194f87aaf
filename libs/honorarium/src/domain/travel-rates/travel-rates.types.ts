import { Ore } from '@app/shared-kernel';
import { CalendarDate } from '../common/calendar-date';

/**
 * The state's travel rates (særavtale om dekning av utgifter til reise og kost
 * innenlands) for a period starting `effectiveFrom`, usually 1 January. Every
 * figure names its source; a figure no source gave is `null`, never guessed.
 */
export interface StateTravelRates {
  effectiveFrom: CalendarDate;
  /** Own car per km (kilometergodtgjørelse). */
  mileage: { perKmOre: Ore; source: string; note?: string };
  /** Meals (kost) without receipts, by trip length; `null` while no rate is known. */
  meals: MealRates | null;
}

export interface MealRates {
  /** Trips from 6 up to and including 12 hours. */
  sixToTwelveHoursOre: Ore;
  /** Trips over 12 hours without an overnight stay. */
  overTwelveHoursOre: Ore;
  /** Trips over 12 hours with an overnight stay. */
  overTwelveHoursOvernightOre: Ore;
  source: string;
  note?: string;
}

/** The tax-free part of mileage per km (Skatteetaten); the part of a rate above it is taxable. */
export interface TaxFreeMileageRate {
  effectiveFrom: CalendarDate;
  perKmOre: Ore;
  source: string;
  note?: string;
}

/** The tables a calculation reads; shipped ones by default, others in tests or replays. */
export interface TravelRateTables {
  state: readonly StateTravelRates[];
  taxFreeMileage: readonly TaxFreeMileageRate[];
}
