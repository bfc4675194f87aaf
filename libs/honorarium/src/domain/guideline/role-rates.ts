import { Ore } from '@app/shared-kernel';
import { AppointmentRole } from '../common/vocabulary';
import { RoleRates } from './guideline.types';

/**
 * Representatives sit as members: a guideline that names no rate of their own
 * pays them its member rate (then the default, like any member).
 */
const PAID_AS: Partial<Record<AppointmentRole, AppointmentRole>> = {
  'user-representative': 'member',
  'next-of-kin-representative': 'member',
};

/**
 * An experience consultant (erfaringskonsulent) is employed for their user
 * experience and takes part in paid working time: no member fee on top of
 * salary, unless a guideline names a rate of its own for the role
 * (docs/domain.md, docs/adr/0027).
 */
const SALARIED: readonly AppointmentRole[] = ['experience-consultant'];

/** The role's own rate when the guideline names one; a salaried role nothing; representatives the member rate; else the default. */
export function rateFor(rates: RoleRates, role: AppointmentRole | null): Ore {
  if (role === null) return rates.defaultOre;
  const own = rates.byRole?.[role];
  if (own !== undefined) return own;
  if (SALARIED.includes(role)) return 0;
  const as = PAID_AS[role];
  return (as === undefined ? undefined : rates.byRole?.[as]) ?? rates.defaultOre;
}

export function describeRate(rates: RoleRates, role: AppointmentRole | null): string {
  if (role === null) return 'the default rate (no appointment)';
  if (rates.byRole?.[role] !== undefined) return `the ${role} rate`;
  if (SALARIED.includes(role))
    return `no fee for role ${role}: employed for their user experience, they take part in paid working time`;
  const as = PAID_AS[role];
  if (as !== undefined && rates.byRole?.[as] !== undefined) return `the ${as} rate (role ${role})`;
  return `the default rate (role ${role})`;
}
