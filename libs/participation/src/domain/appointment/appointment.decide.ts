import { Conflict, NotFound, refuseNationalIdsInFreeText } from '@app/shared-kernel';
import {
  APPOINTED_FORMS,
  APPOINTMENT_ROLES,
  AppointedForm,
  AppointmentRole,
  FieldChecks,
  NOMINATING_BODY_KINDS,
  NominatingBodyKind,
  OWN_WORKPLACE_RULE_LEVELS,
  assertNever,
  refuse,
} from '../common';
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
  const checks = new FieldChecks()
    .text('appointmentId', data.appointmentId, 100)
    .text('projectId', data.projectId, 100)
    .text('participantId', data.participantId, 100)
    .oneOf('role', APPOINTMENT_ROLES, data.role)
    .text('nominatedBy', data.nominatedBy, 300)
    .text('appointedBy', data.appointedBy, 300)
    .date('from', data.from)
    .optionalDate('to', data.to)
    .optionalString('exceptionReason', data.exceptionReason)
    .optionalText('decisionRef', data.decisionRef, 200)
    .oneLine('decisionRef', data.decisionRef)
    .optionalText('mandate', data.mandate, 4000);
  if (data.form !== undefined && data.form !== null) checks.oneOf('form', APPOINTED_FORMS, data.form);
  if (data.nominatedByKind !== undefined && data.nominatedByKind !== null)
    checks.oneOf('nominatedByKind', NOMINATING_BODY_KINDS, data.nominatedByKind);
  checks.throwIfAny();
  refuseNationalIdsInFreeText({
    nominatedBy: data.nominatedBy,
    appointedBy: data.appointedBy,
    exceptionReason: data.exceptionReason,
    decisionRef: data.decisionRef,
    mandate: data.mandate,
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
  if (data.form === 'user-panel' && (data.to === undefined || data.to === null))
    throw refuse('panel-appointment-needs-end-date', `appointment ${data.appointmentId} has no to`);

  const role = data.role as AppointmentRole;
  const exceptionReason = data.exceptionReason?.trim() || null;
  // Staff should not speak for users where they work (docs/domain.md): at system level, and at service level,
  // which holds the user groups of clinics and units the action plan counts as system level. The employment is
  // the one in force on the appointment's first day; only a recorded reason lets it pass.
  const ownWorkplace =
    OWN_WORKPLACE_RULE_LEVELS.includes(project.level) &&
    isEmployedBy(participant, project.organizationId, data.from);
  if (ownWorkplace && exceptionReason === null) {
    const where = `organisation ${project.organizationId} on ${data.from}, project ${project.projectId} at ${project.level} level`;
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
        form: (data.form as AppointedForm | undefined) ?? null,
        nominatedByKind: (data.nominatedByKind as NominatingBodyKind | undefined) ?? null,
        decisionRef: data.decisionRef?.trim() || null,
        mandate: data.mandate?.trim() || null,
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
