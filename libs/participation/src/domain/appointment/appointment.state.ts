import { AppointmentRole, IsoDate } from '../common';

/** The part of an appointment other aggregates decide on. */
export type AppointmentTerm = {
  appointmentId: string;
  projectId: string;
  participantId: string;
  role: AppointmentRole;
  from: IsoDate;
  to: IsoDate | null;
  endedOn: IsoDate | null;
};

export type AppointmentState = { status: 'none' } | ({ status: 'made' } & AppointmentTerm);

export const initialAppointmentState = (): AppointmentState => ({ status: 'none' });

/** Both ends are inclusive: an appointment to 2025-12-31 still holds on that day. */
export function isActiveOn(term: AppointmentTerm, day: IsoDate): boolean {
  if (day < term.from) return false;
  if (term.to !== null && day > term.to) return false;
  return term.endedOn === null || day <= term.endedOn;
}
