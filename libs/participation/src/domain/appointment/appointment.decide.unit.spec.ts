import { Conflict, NotFound } from '@app/shared-kernel';
import { ParticipantState } from '../participant/participant.state';
import { ProjectState } from '../project/project.state';
import { A_NATIONAL_ID } from '../testing/builders';
import { deciderSpec } from '../testing/given-when-then';
import { AppointContext, Appoint, EndAppointment } from './appointment.commands';
import { appointmentDecider } from './appointment.decider';
import { AppointmentEnded, AppointmentMade } from './appointment.events';
import { AppointmentTerm, isActiveOn } from './appointment.state';

const spec = deciderSpec(appointmentDecider);

const project = (level: 'individual' | 'service' | 'system' = 'service'): ProjectState => ({
  status: 'registered',
  projectId: 'p-1',
  name: 'Brukerutvalg',
  organizationId: 'org-1',
  region: 'helse-midt-norge',
  level,
  leads: [],
});
const participant = (
  employedBy: string[] = [],
  changes: { from: string; employedBy: string[] }[] = [],
): ParticipantState => ({
  status: 'registered',
  participantId: 'u-1',
  sealed: 'pii:v1:AAAAAAAAAAAAAAAA:c2VhbGVk',
  employment: [{ from: null, employedBy }, ...changes],
});
const context = (p: ProjectState = project(), u: ParticipantState = participant()): AppointContext => ({
  project: p,
  participant: u,
});

const appoint = (data: Partial<Appoint['data']> = {}): Appoint => ({
  type: 'Appoint',
  data: {
    appointmentId: 'a-1',
    projectId: 'p-1',
    participantId: 'u-1',
    role: 'member',
    nominatedBy: 'FFO Trøndelag',
    appointedBy: 'Styret i Helse Midt-Norge',
    from: '2025-01-01',
    ...data,
  },
});
const made = (data: Partial<AppointmentMade['data']> = {}): AppointmentMade => ({
  type: 'AppointmentMade',
  data: {
    appointmentId: 'a-1',
    projectId: 'p-1',
    participantId: 'u-1',
    role: 'member',
    nominatedBy: 'FFO Trøndelag',
    appointedBy: 'Styret i Helse Midt-Norge',
    from: '2025-01-01',
    to: null,
    exceptionReason: null,
    form: null,
    nominatedByKind: null,
    decisionRef: null,
    mandate: null,
    ...data,
  },
});
const end = (endedOn: string, reason?: string): EndAppointment => ({
  type: 'EndAppointment',
  data: { appointmentId: 'a-1', endedOn, reason },
});
const ended = (endedOn: string, reason: string | null = null): AppointmentEnded => ({
  type: 'AppointmentEnded',
  data: { appointmentId: 'a-1', participantId: 'u-1', endedOn, reason },
});

describe('Appointment decider', () => {
  describe('Appoint', () => {
    it('refuses a national identity number in its texts (422)', () => {
      spec()
        .when(appoint({ exceptionReason: `Ansatt, se ${A_NATIONAL_ID}` }), context())
        .thenViolates('free-text-contains-national-id');
      spec()
        .when(appoint({ nominatedBy: A_NATIONAL_ID }), context())
        .thenViolates('free-text-contains-national-id');
      spec()
        .when(appoint({ mandate: `Gjelder ${A_NATIONAL_ID}` }), context())
        .thenViolates('free-text-contains-national-id');
      spec(made())
        .when(end('2025-06-01', `Flyttet, ${A_NATIONAL_ID}`))
        .thenViolates('free-text-contains-national-id');
    });

    it('appoints a participant for a term', () => {
      spec()
        .when(appoint({ to: '2026-12-31' }), context())
        .then(made({ to: '2026-12-31' }));
    });

    it('appoints an employee of another organisation at system level without an exception', () => {
      spec()
        .when(appoint(), context(project('system'), participant(['org-2'])))
        .then(made());
    });

    // Revision 2: the action plan counts the user groups of clinics and units (service level) as system level.
    it('refuses an own-organisation employee at service level without an exception reason', () => {
      spec()
        .when(appoint(), context(project('service'), participant(['org-1'])))
        .thenViolates('employee-at-system-level-needs-exception');
      spec()
        .when(appoint({ role: 'experience-consultant' }), context(project('service'), participant(['org-1'])))
        .thenViolates('experience-consultant-at-system-level-needs-exception');
    });

    it('appoints an own-organisation employee at individual level without an exception', () => {
      spec()
        .when(appoint(), context(project('individual'), participant(['org-1'])))
        .then(made());
    });

    it('judges by the employment in force on the appointment’s first day', () => {
      const changedJob = participant(['org-1'], [{ from: '2025-03-01', employedBy: ['org-2'] }]);
      spec()
        .when(appoint({ from: '2025-02-28' }), context(project('system'), changedJob))
        .thenViolates('employee-at-system-level-needs-exception');
      spec()
        .when(appoint({ from: '2025-03-01' }), context(project('system'), changedJob))
        .then(made({ from: '2025-03-01' }));
      const hired = participant([], [{ from: '2025-06-01', employedBy: ['org-1'] }]);
      spec()
        .when(appoint({ from: '2025-05-31' }), context(project('service'), hired))
        .then(made({ from: '2025-05-31' }));
      spec()
        .when(appoint({ from: '2025-06-01' }), context(project('service'), hired))
        .thenViolates('employee-at-system-level-needs-exception');
    });

    it('records the proposing body’s kind, the decision, the mandate and the body appointed to', () => {
      const fields = {
        form: 'user-council',
        nominatedByKind: 'user-organisation',
        decisionRef: ' Styresak 45/2025 ',
        mandate: ' Representere pasienter med kroniske smerter ',
      };
      spec()
        .when(appoint(fields), context())
        .then(
          made({
            form: 'user-council',
            nominatedByKind: 'user-organisation',
            decisionRef: 'Styresak 45/2025',
            mandate: 'Representere pasienter med kroniske smerter',
          }),
        );
    });

    it('refuses a panel appointment without an end date, and takes one with it', () => {
      spec()
        .when(appoint({ form: 'user-panel' }), context())
        .thenViolates('panel-appointment-needs-end-date');
      spec()
        .when(appoint({ form: 'user-panel', to: '2025-12-31' }), context())
        .then(made({ form: 'user-panel', to: '2025-12-31' }));
    });

    it('refuses an unknown body or kind of proposer, naming each field', () => {
      spec()
        .when(appoint({ form: 'user-gathering', nominatedByKind: 'board' }), context())
        .thenInvalid('form', 'nominatedByKind');
    });

    it.each(['user-representative', 'next-of-kin-representative'])('appoints a %s', (role) => {
      spec()
        .when(appoint({ role }), context())
        .then(made({ role: role as AppointmentMade['data']['role'] }));
    });

    it('refuses an own-organisation employee at system level without an exception reason', () => {
      spec()
        .when(appoint(), context(project('system'), participant(['org-1'])))
        .thenViolates('employee-at-system-level-needs-exception');
      spec()
        .when(appoint({ exceptionReason: '   ' }), context(project('system'), participant(['org-1'])))
        .thenViolates('employee-at-system-level-needs-exception');
    });

    it('refuses an experience consultant at system level in their own organisation without an exception reason', () => {
      spec()
        .when(appoint({ role: 'experience-consultant' }), context(project('system'), participant(['org-1'])))
        .thenViolates('experience-consultant-at-system-level-needs-exception');
    });

    it('appoints with a recorded exception reason', () => {
      const reason = 'Eneste representant med erfaring fra barne- og ungdomspsykiatri';
      spec()
        .when(
          appoint({ role: 'experience-consultant', exceptionReason: ` ${reason} ` }),
          context(project('system'), participant(['org-1'])),
        )
        .then(made({ role: 'experience-consultant', exceptionReason: reason }));
    });

    it('refuses a forgotten participant', () => {
      const forgotten: ParticipantState = { status: 'forgotten', participantId: 'u-1', employment: [] };
      spec().when(appoint(), context(project(), forgotten)).thenViolates('participant-forgotten');
    });

    it('refuses a term that ends before it starts', () => {
      spec()
        .when(appoint({ to: '2024-12-31' }), context())
        .thenViolates('appointment-ends-before-start');
    });

    it('refuses an unknown project or participant (404)', () => {
      spec()
        .when(appoint(), context({ status: 'unregistered' }))
        .thenThrows(NotFound);
      spec()
        .when(appoint(), context(project(), { status: 'unregistered' }))
        .thenThrows(NotFound);
    });

    it('refuses making the same appointment twice (409)', () => {
      spec(made()).when(appoint(), context()).thenThrows(Conflict);
    });

    it('refuses unknown roles and malformed dates, naming each field', () => {
      spec()
        .when(appoint({ role: 'chair', from: '2025-13-01', to: 'soon', nominatedBy: '' }), context())
        .thenInvalid('role', 'from', 'to', 'nominatedBy');
    });
  });

  describe('EndAppointment', () => {
    it('ends an appointment', () => {
      spec(made()).when(end('2025-06-30', 'Flyttet')).then(ended('2025-06-30', 'Flyttet'));
    });

    it('refuses ending twice', () => {
      spec(made(), ended('2025-06-30')).when(end('2025-07-31')).thenViolates('appointment-already-ended');
    });

    it('refuses an end before the start', () => {
      spec(made()).when(end('2024-12-31')).thenViolates('appointment-ends-before-start');
    });

    it('refuses ending an unknown appointment (404)', () => {
      spec().when(end('2025-06-30')).thenThrows(NotFound);
    });
  });

  describe('isActiveOn', () => {
    const term: AppointmentTerm = {
      appointmentId: 'a-1',
      projectId: 'p-1',
      participantId: 'u-1',
      role: 'member',
      from: '2025-01-01',
      to: '2025-12-31',
      endedOn: null,
    };

    it('holds from the first to the last day, both inclusive', () => {
      expect(isActiveOn(term, '2024-12-31')).toBe(false);
      expect(isActiveOn(term, '2025-01-01')).toBe(true);
      expect(isActiveOn(term, '2025-12-31')).toBe(true);
      expect(isActiveOn(term, '2026-01-01')).toBe(false);
    });

    it('stops after the day it ended, and is open-ended without a to', () => {
      expect(isActiveOn({ ...term, endedOn: '2025-03-01' }, '2025-03-01')).toBe(true);
      expect(isActiveOn({ ...term, endedOn: '2025-03-01' }, '2025-03-02')).toBe(false);
      expect(isActiveOn({ ...term, to: null }, '2099-01-01')).toBe(true);
    });
  });
});
