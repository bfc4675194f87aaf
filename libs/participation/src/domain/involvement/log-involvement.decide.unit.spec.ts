import { Conflict, NotFound } from '@app/shared-kernel';
import fc from 'fast-check';
import { FORMS_NEEDING_APPOINTMENT, INVOLVEMENT_FORMS } from '../common';
import {
  A_NATIONAL_ID,
  anAppointment,
  aProject,
  involvementLogged,
  logContext,
  logInvolvement,
} from '../testing/builders';
import { deciderSpec } from '../testing/given-when-then';
import { involvementDecider } from './involvement.decider';

const spec = deciderSpec(involvementDecider);

describe('LogInvolvement', () => {
  it('logs an involvement under the active appointment', () => {
    spec().when(logInvolvement(), logContext()).then(involvementLogged());
  });

  it('keeps expenses, lost income and the decision in the shape events carry', () => {
    spec()
      .when(
        logInvolvement({
          expenses: [
            { kind: 'mileage', km: 84 },
            { kind: 'ticket', amountOre: 45000, receiptRef: 'kv-17' },
            { kind: 'meals', tripHours: 7 },
          ],
          lostIncome: { documented: true, amountOre: 150000 },
          honorariumDecision: 'paid',
        }),
        logContext(),
      )
      .then(
        involvementLogged({
          expenses: [
            { kind: 'mileage', km: 84 },
            { kind: 'ticket', amountOre: 45000, receiptRef: 'kv-17' },
            { kind: 'meals', tripHours: 7, overnight: false, distanceKm: null },
          ],
          lostIncome: { documented: true, amountOre: 150000 },
          honorariumDecision: 'paid',
        }),
      );
  });

  it('refuses a national identity number in the topic or an expense text (422), not other numbers', () => {
    spec()
      .when(logInvolvement({ topic: `Samtale med ${A_NATIONAL_ID}` }), logContext())
      .thenViolates('free-text-contains-national-id');
    spec()
      .when(
        logInvolvement({ expenses: [{ kind: 'other', amountOre: 100, description: A_NATIONAL_ID }] }),
        logContext(),
      )
      .thenViolates('free-text-contains-national-id');
    const failingChecksum = A_NATIONAL_ID.slice(0, 10) + ((Number(A_NATIONAL_ID[10]) + 1) % 10);
    spec()
      .when(logInvolvement({ topic: `Sak ${failingChecksum}` }), logContext())
      .then(involvementLogged({ topic: `Sak ${failingChecksum}` }));
  });

  describe('appointment-required', () => {
    it.each(FORMS_NEEDING_APPOINTMENT)('refuses a %s involvement without an appointment', (form) => {
      spec()
        .when(logInvolvement({ form }), logContext({ appointments: [] }))
        .thenViolates('appointment-required');
    });

    it('refuses when the appointment is not active on the day', () => {
      const ctx = (a: Parameters<typeof anAppointment>[0]) =>
        logContext({ appointments: [anAppointment(a)] });
      spec()
        .when(logInvolvement(), ctx({ from: '2025-03-11' }))
        .thenViolates('appointment-required');
      spec()
        .when(logInvolvement(), ctx({ to: '2025-03-09' }))
        .thenViolates('appointment-required');
      spec()
        .when(logInvolvement(), ctx({ endedOn: '2025-03-09' }))
        .thenViolates('appointment-required');
    });

    it('ignores appointments of another participant or project', () => {
      const others = [anAppointment({ participantId: 'u-2' }), anAppointment({ projectId: 'p-2' })];
      spec()
        .when(logInvolvement(), logContext({ appointments: others }))
        .thenViolates('appointment-required');
    });

    it('logs other forms without an appointment', () => {
      spec()
        .when(logInvolvement({ form: 'user-interview' }), logContext({ appointments: [] }))
        .then(involvementLogged({ form: 'user-interview', appointment: null }));
    });

    it('records the highest-paid role when several appointments are active', () => {
      const appointments = [anAppointment(), anAppointment({ appointmentId: 'a-2', role: 'leader' })];
      spec()
        .when(logInvolvement(), logContext({ appointments }))
        .then(involvementLogged({ appointment: { appointmentId: 'a-2', role: 'leader' } }));
    });
  });

  it('refuses a user gathering without a decision on honorarium', () => {
    spec()
      .when(logInvolvement({ form: 'user-gathering' }), logContext())
      .thenViolates('honorarium-decision-required');
  });

  it('logs an unpaid user gathering as not payable', () => {
    spec()
      .when(logInvolvement({ form: 'user-gathering', honorariumDecision: 'unpaid' }), logContext())
      .then(involvementLogged({ form: 'user-gathering', honorariumDecision: 'unpaid', payable: false }));
  });

  it('records peer support as neither participation nor payable', () => {
    spec()
      .when(logInvolvement({ form: 'peer-support' }), logContext({ appointments: [] }))
      .then(
        involvementLogged({
          form: 'peer-support',
          appointment: null,
          countsAsParticipation: false,
          payable: false,
        }),
      );
  });

  it.each(['user-council', 'user-panel'] as const)(
    'refuses a %s marked unpaid: it is always paid',
    (form) => {
      spec()
        .when(logInvolvement({ form, honorariumDecision: 'unpaid' }), logContext())
        .thenViolates('council-and-panel-always-paid');
    },
  );

  it('refuses paying peer support', () => {
    spec()
      .when(logInvolvement({ form: 'peer-support', honorariumDecision: 'paid' }), logContext())
      .thenViolates('peer-support-never-paid');
  });

  it('refuses an involvement in the future, and logs one today', () => {
    spec()
      .when(logInvolvement({ occurredOn: '2025-03-21' }), logContext())
      .thenViolates('involvement-in-future');
    spec()
      .when(logInvolvement({ occurredOn: '2025-03-20' }), logContext())
      .then(involvementLogged({ occurredOn: '2025-03-20' }));
  });

  it('refuses hours outside 0–24', () => {
    spec()
      .when(logInvolvement({ hours: { meeting: 25 } }), logContext())
      .thenViolates('hours-out-of-range');
    spec()
      .when(logInvolvement({ hours: { meeting: 2, travel: -1 } }), logContext())
      .thenViolates('hours-out-of-range');
  });

  it('accepts every hours value within 0–24 and refuses every one outside (property)', () => {
    fc.assert(
      fc.property(
        // Both kinds within 0–24 and, since they share the day, within 24 together.
        fc
          .double({ min: 0.01, max: 24, noNaN: true })
          .chain((m) => fc.tuple(fc.constant(m), fc.double({ min: 0, max: 24 - m, noNaN: true }))),
        ([m, p]) => {
          spec()
            .when(logInvolvement({ hours: { meeting: m, preparation: p } }), logContext())
            .then(involvementLogged({ hours: { meeting: m, preparation: p, travel: 0 } }));
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 24.000001, max: 1e6, noNaN: true }),
          fc.double({ max: -0.000001, min: -1e6, noNaN: true }),
        ),
        (h) => {
          spec()
            .when(logInvolvement({ hours: { meeting: 1, preparation: h } }), logContext())
            .thenViolates('hours-out-of-range');
        },
      ),
    );
  });

  describe('day-hours-exceeded', () => {
    const other = (involvementId: string, meeting: number, preparation = 0, travel = 0) => ({
      involvementId,
      hours: { meeting, preparation, travel },
    });
    const day = (...others: ReturnType<typeof other>[]) =>
      logContext({ otherInvolvementsByDay: { '2025-03-10': others } });
    const hours = { meeting: 2.67, preparation: 1.17, travel: 1.5 }; // 5.34 h, the builder's

    it('accepts a day that reaches 24 hours exactly, counting every kind of hours', () => {
      spec()
        .when(logInvolvement({ hours }), day(other('i-2', 10, 4.66), other('i-3', 2, 1, 1)))
        .then(involvementLogged());
    });

    it('refuses a day that would exceed 24 hours, naming the day', () => {
      spec()
        .when(logInvolvement({ hours }), day(other('i-2', 10, 4.66), other('i-3', 2, 1, 1.5)))
        .thenViolates('day-hours-exceeded');
    });

    it('refuses one involvement whose kinds together exceed 24 hours', () => {
      spec()
        .when(logInvolvement({ hours: { meeting: 20, travel: 4.5 } }), logContext())
        .thenViolates('day-hours-exceeded');
    });

    it('counts only the involvement’s own day', () => {
      const elsewhere = logContext({ otherInvolvementsByDay: { '2025-03-11': [other('i-2', 24)] } });
      spec().when(logInvolvement({ hours }), elsewhere).then(involvementLogged());
    });

    it('judges thirty 0.8-hour involvements as 24 hours, not a hair more (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 48 }), (n) => {
          const each = 24 / n;
          const others = Array.from({ length: n - 1 }, (_, i) => other(`i-${i + 2}`, each));
          spec()
            .when(logInvolvement({ hours: { meeting: each } }), day(...others))
            .then(involvementLogged({ hours: { meeting: each, preparation: 0, travel: 0 } }));
        }),
      );
    });
  });

  it('refuses no meeting time unless absent', () => {
    spec()
      .when(logInvolvement({ hours: { meeting: 0 } }), logContext())
      .thenViolates('meeting-hours-required');
    spec()
      .when(logInvolvement({ hours: undefined }), logContext())
      .thenViolates('meeting-hours-required');
    spec()
      .when(logInvolvement({ attendance: 'absent', hours: undefined, expenses: [] }), logContext())
      .then(
        involvementLogged({
          attendance: 'absent',
          hours: { meeting: 0, preparation: 0, travel: 0 },
          expenses: [],
        }),
      );
  });

  it('logs a meeting the organiser cancelled with no meeting time, and keeps its ticket (issue 15, E2)', () => {
    const ticket = { kind: 'ticket' as const, amountOre: 45000, receiptRef: 'r-1' };
    spec()
      .when(logInvolvement({ attendance: 'cancelled', hours: undefined, expenses: [ticket] }), logContext())
      .then(
        involvementLogged({
          attendance: 'cancelled',
          hours: { meeting: 0, preparation: 0, travel: 0 },
          expenses: [ticket],
        }),
      );
  });

  it('refuses a forgotten participant', () => {
    const participant = { status: 'forgotten' as const, participantId: 'u-1', employment: [] };
    spec().when(logInvolvement(), logContext({ participant })).thenViolates('participant-forgotten');
  });

  it('refuses an unknown project or participant (404) and a second log of the same id (409)', () => {
    spec()
      .when(logInvolvement(), logContext({ project: { status: 'unregistered' } }))
      .thenThrows(NotFound);
    spec()
      .when(logInvolvement(), logContext({ project: aProject({ projectId: 'p-2' }) }))
      .thenThrows(NotFound);
    spec()
      .when(logInvolvement(), logContext({ participant: { status: 'unregistered' } }))
      .thenThrows(NotFound);
    spec(involvementLogged()).when(logInvolvement(), logContext()).thenThrows(Conflict);
  });

  it('refuses malformed input field by field (400)', () => {
    spec()
      .when(
        logInvolvement({
          form: 'board-meeting',
          occurredOn: '10.03.2025',
          attendance: 'online',
          hours: { meeting: Number.NaN },
          expenses: [{ kind: 'taxi' }, { kind: 'ticket', amountOre: 12.5 }, { kind: 'mileage', km: -3 }],
          lostIncome: { documented: true },
          honorariumDecision: 'maybe',
        }),
        logContext(),
      )
      .thenInvalid(
        'form',
        'occurredOn',
        'attendance',
        'hours.meeting',
        'expenses[0].kind',
        'expenses[1].amountOre',
        'expenses[2].km',
        'lostIncome.amountOre',
        'honorariumDecision',
      );
  });

  it('knows every form code of the domain', () => {
    expect(INVOLVEMENT_FORMS).toHaveLength(8);
  });
});
