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
    /** The body appointed to: user-council, user-panel or user-group; a panel needs `to`. */
    form?: string;
    /** What kind of body proposed: user-council, user-group, user-organisation or other. */
    nominatedByKind?: string;
    /** The appointing decision, e.g. "Styresak 45/2025". */
    decisionRef?: string;
    /** What the appointee is asked to do (mandat). */
    mandate?: string;
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
