import { assertNever } from '../common';
import { AppointmentEvent } from './appointment.events';
import { AppointmentState } from './appointment.state';

export function evolveAppointment(state: AppointmentState, event: AppointmentEvent): AppointmentState {
  switch (event.type) {
    case 'AppointmentMade': {
      const { appointmentId, projectId, participantId, role, from, to } = event.data;
      return { status: 'made', appointmentId, projectId, participantId, role, from, to, endedOn: null };
    }
    case 'AppointmentEnded':
      return state.status === 'made' ? { ...state, endedOn: event.data.endedOn } : state;
    default:
      return assertNever(event);
  }
}
