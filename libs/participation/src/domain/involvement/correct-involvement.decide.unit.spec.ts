import { NotFound } from '@app/shared-kernel';
import { A_NATIONAL_ID, anAppointment, involvementLogged, TODAY } from '../testing/builders';
import { deciderSpec } from '../testing/given-when-then';
import { CorrectInvolvement, CorrectInvolvementContext, VoidInvolvement } from './involvement.commands';
import { involvementDecider } from './involvement.decider';
import { InvolvementCorrected, InvolvementVoided } from './involvement.events';

const spec = deciderSpec(involvementDecider);
const logged = involvementLogged();
const context: CorrectInvolvementContext = {
  today: TODAY,
  appointments: [anAppointment()],
  otherInvolvementsByDay: {},
};

const correct = (
  changes: CorrectInvolvement['data']['changes'],
  reason = 'Feil møtelengde',
): CorrectInvolvement => ({
  type: 'CorrectInvolvement',
  data: { involvementId: 'i-1', changes, reason },
});
const corrected = (data: Partial<InvolvementCorrected['data']>): InvolvementCorrected => ({
  type: 'InvolvementCorrected',
  data: {
    involvementId: 'i-1',
    participantId: 'u-1',
    changes: {},
    previous: {},
    reason: 'Feil møtelengde',
    appointment: { appointmentId: 'a-1', role: 'member' },
    countsAsParticipation: true,
    payable: true,
    ...data,
  },
});
const voidIt = (reason = 'Registrert på feil deltaker'): VoidInvolvement => ({
  type: 'VoidInvolvement',
  data: { involvementId: 'i-1', reason },
});
const voided: InvolvementVoided = {
  type: 'InvolvementVoided',
  data: { involvementId: 'i-1', participantId: 'u-1', reason: 'Registrert på feil deltaker' },
};

describe('CorrectInvolvement', () => {
  it('records the changed fields with their previous values; the logged event stays', () => {
    spec(logged)
      .when(correct({ hours: { meeting: 3 }, topic: 'Pasientreiser' }), context)
      .then(
        corrected({
          changes: { hours: { meeting: 3, preparation: 1.17, travel: 1.5 }, topic: 'Pasientreiser' },
          previous: {
            hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
            topic: 'Ny pasientreise-ordning',
          },
        }),
      );
  });

  it('leaves out fields named with the value they already have', () => {
    spec(logged)
      .when(correct({ form: 'user-council', attendance: 'remote' }), context)
      .then(corrected({ changes: { attendance: 'remote' }, previous: { attendance: 'in-person' } }));
  });

  it('refuses a correction that changes nothing', () => {
    spec(logged)
      .when(correct({ topic: 'Ny pasientreise-ordning' }), context)
      .thenViolates('correction-changes-nothing');
    spec(logged).when(correct({}), context).thenViolates('correction-changes-nothing');
  });

  it('refuses a correction without a reason', () => {
    spec(logged)
      .when(correct({ topic: 'X' }, '  '), context)
      .thenViolates('reason-required');
  });

  it('refuses a national identity number in the reason or a corrected topic (422)', () => {
    spec(logged)
      .when(correct({ topic: 'X' }, `Gjelder ${A_NATIONAL_ID}`), context)
      .thenViolates('free-text-contains-national-id');
    spec(logged)
      .when(correct({ topic: `Møte, ${A_NATIONAL_ID.slice(0, 6)}-${A_NATIONAL_ID.slice(6)}` }), context)
      .thenViolates('free-text-contains-national-id');
    spec(logged)
      .when(voidIt(`Feil person ${A_NATIONAL_ID}`))
      .thenViolates('free-text-contains-national-id');
  });

  it('refuses correcting a voided involvement', () => {
    spec(logged, voided)
      .when(correct({ topic: 'X' }), context)
      .thenViolates('involvement-voided');
  });

  it('applies every logging rule to the corrected involvement', () => {
    spec(logged)
      .when(correct({ occurredOn: '2025-03-21' }), context)
      .thenViolates('involvement-in-future');
    spec(logged)
      .when(correct({ hours: { travel: 30 } }), context)
      .thenViolates('hours-out-of-range');
    spec(logged)
      .when(correct({ hours: { meeting: 0 } }), context)
      .thenViolates('meeting-hours-required');
    spec(logged)
      .when(correct({ form: 'user-gathering' }), context)
      .thenViolates('honorarium-decision-required');
    spec(logged)
      .when(correct({ honorariumDecision: 'paid', form: 'peer-support' }), context)
      .thenViolates('peer-support-never-paid');
    spec(logged)
      .when(correct({ honorariumDecision: 'unpaid' }), context)
      .thenViolates('council-and-panel-always-paid');
    spec(logged)
      .when(correct({ occurredOn: '2024-12-31' }), context)
      .thenViolates('appointment-required');
  });

  it('recomputes the flags when the form changes to peer support', () => {
    spec(logged)
      .when(correct({ form: 'peer-support' }), { ...context, appointments: [] })
      .then(
        corrected({
          changes: { form: 'peer-support' },
          previous: { form: 'user-council' },
          appointment: null,
          countsAsParticipation: false,
          payable: false,
        }),
      );
  });

  describe('day-hours-exceeded', () => {
    const full = (day: string, meeting = 18) => ({
      ...context,
      otherInvolvementsByDay: {
        [day]: [{ involvementId: 'i-2', hours: { meeting, preparation: 0, travel: 0 } }],
      },
    });

    it('refuses new hours that would overfill the day', () => {
      spec(logged)
        .when(correct({ hours: { meeting: 4 } }), full('2025-03-10'))
        .thenViolates('day-hours-exceeded');
      spec(logged)
        .when(correct({ hours: { meeting: 3.33 } }), full('2025-03-10'))
        .then(
          corrected({
            changes: { hours: { meeting: 3.33, preparation: 1.17, travel: 1.5 } },
            previous: { hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 } },
          }),
        );
    });

    it('refuses moving the involvement onto a day it would overfill', () => {
      spec(logged)
        .when(correct({ occurredOn: '2025-03-11' }), {
          ...full('2025-03-11', 19),
          appointments: [anAppointment()],
        })
        .thenViolates('day-hours-exceeded');
    });

    it('does not judge the day again for a correction of neither hours nor day', () => {
      const overfull = {
        ...context,
        otherInvolvementsByDay: {
          '2025-03-10': [{ involvementId: 'i-2', hours: { meeting: 24, preparation: 0, travel: 0 } }],
        },
      };
      spec(logged)
        .when(correct({ topic: 'Pasientreiser' }), overfull)
        .then(
          corrected({ changes: { topic: 'Pasientreiser' }, previous: { topic: 'Ny pasientreise-ordning' } }),
        );
    });
  });

  it('keeps the recorded appointment when neither day nor form changes', () => {
    // The appointment was later ended back in time; fixing the topic must still be possible.
    const ended = { ...context, appointments: [anAppointment({ endedOn: '2025-02-01' })] };
    spec(logged)
      .when(correct({ topic: 'Pasientreiser' }), ended)
      .then(
        corrected({ changes: { topic: 'Pasientreiser' }, previous: { topic: 'Ny pasientreise-ordning' } }),
      );
  });

  it('refuses fields that cannot be corrected and malformed values (400)', () => {
    spec(logged)
      .when(
        correct({ participantId: 'u-2', attendance: 'online' } as CorrectInvolvement['data']['changes']),
        context,
      )
      .thenInvalid('changes.participantId', 'changes.attendance');
  });

  it('refuses an unknown involvement (404)', () => {
    spec()
      .when(correct({ topic: 'X' }), context)
      .thenThrows(NotFound);
  });

  it('evolves to the corrected values, counting corrections', () => {
    const state = [logged, corrected({ changes: { topic: 'Pasientreiser' } })].reduce(
      involvementDecider.evolve,
      involvementDecider.initialState(),
    );
    expect(state).toMatchObject({
      status: 'logged',
      topic: 'Pasientreiser',
      corrections: 1,
      form: 'user-council',
    });
  });
});

describe('VoidInvolvement', () => {
  it('voids an involvement with a reason', () => {
    spec(logged).when(voidIt()).then(voided);
  });

  it('refuses voiding twice', () => {
    spec(logged, voided).when(voidIt()).thenViolates('involvement-voided');
  });

  it('refuses a void without a reason', () => {
    spec(logged).when(voidIt('')).thenViolates('reason-required');
  });

  it('refuses an unknown involvement (404)', () => {
    spec().when(voidIt()).thenThrows(NotFound);
  });

  it('keeps the involvement in state, marked voided', () => {
    const state = [logged, voided].reduce(involvementDecider.evolve, involvementDecider.initialState());
    expect(state).toMatchObject({ status: 'voided', involvementId: 'i-1', topic: 'Ny pasientreise-ordning' });
  });
});
