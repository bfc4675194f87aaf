import { DomainCommand, IsoDate } from '../common';
import { ParticipantState } from '../participant/participant.state';
import { ProjectState } from '../project/project.state';

export type Appoint = DomainCommand<
  'Appoint',
  {
    appointmentId: string;
    projectId: string;
    participantId: string;
    role: string;
    nominatedBy: string;
    appointedBy: string;
    from: IsoDate;
    to?: IsoDate;
    exceptionReason?: string;
  }
>;

export type EndAppointment = DomainCommand<
  'EndAppointment',
  { appointmentId: string; endedOn: IsoDate; reason?: string }
>;

export type AppointmentCommand = Appoint | EndAppointment;

/** The states of the project and the participant, loaded from their streams by the handler. */
export type AppointContext = { project: ProjectState; participant: ParticipantState };

export type AppointmentContextOf = {
  Appoint: AppointContext;
  EndAppointment: void;
};
