import {
  StateTravelRates,
  TaxFreeMileageRate,
  TravelRateTables,
} from '../domain/travel-rates/travel-rates.types';
import { deepFreeze } from './deep-freeze';
import {
  DFO_STATE_TRAVEL_RATES,
  MILEAGE_RATES_2024_SECONDARY,
  STATE_TRAVEL_AGREEMENT_PM_2025_12,
  TAX_FREE_RATES_2024,
} from './sources';

const FROM_GUIDELINES_MD =
  'Figure as given in the product guideline facts (særavtale om reiser innenlands, DFØ); the yearly rate notice was not linked, replace this address with it.';

/**
 * State travel rates by year, each in force from 1 January until the next.
 * Meals (kost) apply to trips over 15 km. 2026 meal rates were not found in
 * any source, so they are `null`: a meal claim in 2026 pays 0 with a line
 * saying no rate is known, until a sourced table is added here.
 */
export const STATE_TRAVEL_RATES: readonly StateTravelRates[] = deepFreeze([
  {
    effectiveFrom: '2024-01-01',
    mileage: {
      perKmOre: 490,
      source: MILEAGE_RATES_2024_SECONDARY,
      note: 'Secondary source; the state rate 4.90/km for 2024.',
    },
    meals: {
      sixToTwelveHoursOre: 36900,
      overTwelveHoursOre: 68600,
      overTwelveHoursOvernightOre: 94000,
      source: DFO_STATE_TRAVEL_RATES,
      note: FROM_GUIDELINES_MD,
    },
  },
  {
    effectiveFrom: '2025-01-01',
    mileage: { perKmOre: 500, source: DFO_STATE_TRAVEL_RATES, note: FROM_GUIDELINES_MD },
    meals: {
      sixToTwelveHoursOre: 38400,
      overTwelveHoursOre: 71300,
      overTwelveHoursOvernightOre: 97700,
      source: DFO_STATE_TRAVEL_RATES,
      note: FROM_GUIDELINES_MD,
    },
  },
  {
    effectiveFrom: '2026-01-01',
    mileage: { perKmOre: 530, source: STATE_TRAVEL_AGREEMENT_PM_2025_12 },
    meals: null,
  },
]);

/**
 * The tax-free part of mileage (Skatteetaten): 3.50 NOK/km, stated for 2024.
 * It stays in force until a newer entry is added; the product's worked example
 * applies it in 2025 (84 km: 294.00 tax-free of 420.00).
 */
export const TAX_FREE_MILEAGE_RATES: readonly TaxFreeMileageRate[] = deepFreeze([
  {
    effectiveFrom: '2024-01-01',
    perKmOre: 350,
    source: TAX_FREE_RATES_2024,
    note: 'Stated for 2024; carried forward until a newer sourced rate is entered.',
  },
]);

export const SHIPPED_TRAVEL_RATE_TABLES: TravelRateTables = deepFreeze({
  state: STATE_TRAVEL_RATES,
  taxFreeMileage: TAX_FREE_MILEAGE_RATES,
});
