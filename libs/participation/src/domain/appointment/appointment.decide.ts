import { Conflict, NotFound, refuseNationalIdsInFreeText } from '@app/shared-kernel';
import { APPOINTMENT_ROLES, AppointmentRole, FieldChecks, assertNever, refuse } from '../common';
import { isEmployedBy } from '../participant/participant.state';
import {
  AppointContext,
  Appoint,
  AppointmentCommand,
  AppointmentContextOf,
  EndAppointment,
} from './appointment.commands';
import { AppointmentEvent } from './appointment.events';
import { AppointmentState } from './appointment.state';

export function decideAppointment<C extends AppointmentCommand>(
  command: C,
  state: AppointmentState,
  context: AppointmentContextOf[C['type']],
): AppointmentEvent[] {
  const cmd: AppointmentCommand = command;
  switch (cmd.type) {
    case 'Appoint':
      return appoint(cmd, state, context as AppointContext);
    case 'EndAppointment':
      return endAppointment(cmd, state);
    default:
      return assertNever(cmd);
  }
}

function appoint(
  { data }: Appoint,
  state: AppointmentState,
  { project, participant }: AppointContext,
): AppointmentEvent[] {
  new FieldChecks()
    .text('appointmentId', data.appointmentId, 100)
    .text('projectId', data.projectId, 100)
    .text('participantId', data.participantId, 100)
    .oneOf('role', APPOINTMENT_ROLES, data.role)
    .text('nominatedBy', data.nominatedBy, 300)
    .text('appointedBy', data.appointedBy, 300)
    .date('from', data.from)
    .optionalDate('to', data.to)
    .optionalString('exceptionReason', data.exceptionReason)
    .throwIfAny();
  refuseNationalIdsInFreeText({
    nominatedBy: data.nominatedBy,
    appointedBy: data.appointedBy,
    exceptionReason: data.exceptionReason,
  });
  if (project.status !== 'registered' || project.projectId !== data.projectId)
    throw new NotFound('Project', data.projectId);
  if (participant.status === 'unregistered' || participant.participantId !== data.participantId) {
    throw new NotFound('Participant', data.participantId);
  }
  if (state.status !== 'none') throw new Conflict(`Appointment ${data.appointmentId} is already made`);
  if (participant.status === 'forgotten')
    throw refuse('participant-forgotten', `participant ${data.participantId}`);
  if (data.to !== undefined && data.to < data.from) {
    throw refuse('appointment-ends-before-start', `to ${data.to} is before from ${data.from}`);
  }

  const role = data.role as AppointmentRole;
  const exceptionReason = data.exceptionReason?.trim() || null;
  // Staff should not speak for users at system level where they work (docs/domain.md); only a recorded reason lets it pass.
  const ownOrganisationAtSystemLevel =
    project.level === 'system' && isEmployedBy(participant, project.organizationId);
  if (ownOrganisationAtSystemLevel && exceptionReason === null) {
    const where = `organisation ${project.organizationId}, project ${project.projectId} at system level`;
    throw role === 'experience-consultant'
      ? refuse(
          'experience-consultant-at-system-level-needs-exception',
          `experience consultant in own ${where}`,
        )
      : refuse('employee-at-system-level-needs-exception', `participant employed by ${where}`);
  }

  return [
    {
      type: 'AppointmentMade',
      data: {
        appointmentId: data.appointmentId,
        projectId: data.projectId,
        participantId: data.participantId,
        role,
        nominatedBy: data.nominatedBy.trim(),
        appointedBy: data.appointedBy.trim(),
        from: data.from,
        to: data.to ?? null,
        exceptionReason,
      },
    },
  ];
}

function endAppointment({ data }: EndAppointment, state: AppointmentState): AppointmentEvent[] {
  new FieldChecks()
    .text('appointmentId', data.appointmentId, 100)
    .date('endedOn', data.endedOn)
    .optionalString('reason', data.reason)
    .throwIfAny();
  refuseNationalIdsInFreeText({ reason: data.reason });
  if (state.status !== 'made') throw new NotFound('Appointment', data.appointmentId);
  if (state.endedOn !== null) throw refuse('appointment-already-ended', `ended on ${state.endedOn}`);
  if (data.endedOn < state.from) {
    throw refuse('appointment-ends-before-start', `endedOn ${data.endedOn} is before from ${state.from}`);
  }
  return [
    {
      type: 'AppointmentEnded',
      data: {
        appointmentId: data.appointmentId,
        participantId: state.participantId,
        endedOn: data.endedOn,
        reason: data.reason?.trim() || null,
      },
    },
  ];
}
