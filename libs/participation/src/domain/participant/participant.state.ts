import { IsoDate, SealedPersonalData } from '../common';

/** Who employed the participant from a day on; `from: null` is what registration recorded (from the start). */
export type EmploymentPeriod = { from: IsoDate | null; employedBy: readonly string[] };

export type ParticipantState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      participantId: string;
      /** The latest envelope: registration's, or the last change's (each holds the whole record). */
      sealed: SealedPersonalData;
      /** Every employment recorded, in the order recorded. */
      employment: readonly EmploymentPeriod[];
    }
  | { status: 'forgotten'; participantId: string; employment: readonly EmploymentPeriod[] };

export const initialParticipantState = (): ParticipantState => ({ status: 'unregistered' });

/**
 * The employers in force on a day: the recorded period with the latest start
 * on or before it (registration's counts from the start); of two with the
 * same start, the one recorded later.
 */
export function employedByOn(participant: ParticipantState, day: IsoDate): readonly string[] {
  if (participant.status === 'unregistered') return [];
  let inForce: EmploymentPeriod | undefined;
  for (const period of participant.employment) {
    if (period.from !== null && period.from > day) continue;
    if (inForce === undefined || (period.from ?? '') >= (inForce.from ?? '')) inForce = period;
  }
  return inForce?.employedBy ?? [];
}

export function isEmployedBy(participant: ParticipantState, organizationId: string, day: IsoDate): boolean {
  return employedByOn(participant, day).includes(organizationId);
}
