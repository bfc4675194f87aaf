import { decideAppointment } from './appointment.decide';
import { evolveAppointment } from './appointment.evolve';
import { initialAppointmentState } from './appointment.state';

/** The Appointment aggregate as an Emmett-style decider. */
export const appointmentDecider = {
  decide: decideAppointment,
  evolve: evolveAppointment,
  initialState: initialAppointmentState,
};
