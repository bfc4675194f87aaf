import { Ore } from '@app/shared-kernel';
import { AppointmentRole } from '../common/vocabulary';
import { RoleRates } from './guideline.types';

/** The role's own rate when the guideline names one, else the default rate for everyone else. */
export function rateFor(rates: RoleRates, role: AppointmentRole | null): Ore {
  const own = role === null ? undefined : rates.byRole?.[role];
  return own ?? rates.defaultOre;
}

export function describeRate(rates: RoleRates, role: AppointmentRole | null): string {
  const own = role !== null && rates.byRole?.[role] !== undefined;
  return own
    ? `the ${role} rate`
    : role === null
      ? 'the default rate (no appointment)'
      : `the default rate (role ${role})`;
}
