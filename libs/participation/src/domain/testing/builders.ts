import { AppointmentTerm } from '../appointment/appointment.state';
import { InvolvementLogged } from '../involvement/involvement.events';
import { LogInvolvement, LogInvolvementContext } from '../involvement/involvement.commands';
import { ParticipantState } from '../participant/participant.state';
import { ProjectState } from '../project/project.state';

/** Test data for the deciders: plausible defaults, overridden per test. */
export const TODAY = '2025-03-20';
export const NOW = '2025-03-20T12:00:00Z';
export const SEALED = 'pii:v1:AAAAAAAAAAAAAAAA:c2VhbGVk';
/** A valid national identity number of Skatteetaten's synthetic (Tenor) kind: it belongs to no one. */
export const A_NATIONAL_ID = '15838510075';

export const aProject = (
  overrides: Partial<Extract<ProjectState, { status: 'registered' }>> = {},
): ProjectState => ({
  status: 'registered',
  projectId: 'p-1',
  name: 'Ny pasientreise-ordning',
  organizationId: 'org-1',
  region: 'helse-midt-norge',
  level: 'system',
  leads: ['lead-1'],
  ...overrides,
});

export const aParticipant = ({
  employedBy = [],
}: Partial<{ employedBy: string[] }> = {}): ParticipantState => ({
  status: 'registered',
  participantId: 'u-1',
  sealed: SEALED,
  employment: [{ from: null, employedBy }],
});

export const anAppointment = (overrides: Partial<AppointmentTerm> = {}): AppointmentTerm => ({
  appointmentId: 'a-1',
  projectId: 'p-1',
  participantId: 'u-1',
  role: 'member',
  from: '2025-01-01',
  to: null,
  endedOn: null,
  ...overrides,
});

export const logInvolvement = (data: Partial<LogInvolvement['data']> = {}): LogInvolvement => ({
  type: 'LogInvolvement',
  data: {
    involvementId: 'i-1',
    projectId: 'p-1',
    participantId: 'u-1',
    form: 'user-council',
    occurredOn: '2025-03-10',
    attendance: 'in-person',
    hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
    expenses: [{ kind: 'mileage', km: 84 }],
    topic: 'Ny pasientreise-ordning',
    ...data,
  },
});

export const logContext = (overrides: Partial<LogInvolvementContext> = {}): LogInvolvementContext => ({
  today: TODAY,
  project: aProject(),
  participant: aParticipant(),
  appointments: [anAppointment()],
  otherInvolvementsByDay: {},
  ...overrides,
});

/** The event `logInvolvement()` leads to under `logContext()`. */
export const involvementLogged = (data: Partial<InvolvementLogged['data']> = {}): InvolvementLogged => ({
  type: 'InvolvementLogged',
  data: {
    involvementId: 'i-1',
    projectId: 'p-1',
    participantId: 'u-1',
    form: 'user-council',
    occurredOn: '2025-03-10',
    attendance: 'in-person',
    hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
    expenses: [{ kind: 'mileage', km: 84 }],
    lostIncome: null,
    honorariumDecision: null,
    topic: 'Ny pasientreise-ordning',
    appointment: { appointmentId: 'a-1', role: 'member' },
    countsAsParticipation: true,
    payable: true,
    ...data,
  },
});
