import { Forbidden, NotFound } from '@app/shared-kernel';
import { A_NATIONAL_ID, involvementLogged } from '../testing/builders';
import { deciderSpec } from '../testing/given-when-then';
import { InvolvementCommand } from './involvement.commands';
import { involvementDecider } from './involvement.decider';
import { InvolvementEvent } from './involvement.events';
import { evolveInvolvement } from './involvement.evolve';
import { initialInvolvementState } from './involvement.state';
import { holdsBackPayout } from './participant-voice';

const spec = deciderSpec(involvementDecider);
const logged = involvementLogged();
const ids = { involvementId: 'i-1', participantId: 'u-1' };

const respond = (data: Record<string, unknown>, participantId = 'u-1'): InvolvementCommand => ({
  type: 'RespondToInvolvement',
  data: { involvementId: 'i-1', participantId, confirmed: undefined, ...data },
});
const notBatched = { honorariumInBatch: false };
const waive = (reason: unknown, participantId = 'u-1'): InvolvementCommand => ({
  type: 'WaiveHonorarium',
  data: { involvementId: 'i-1', participantId, reason },
});
const acknowledge = (evidenceId: unknown): InvolvementCommand => ({
  type: 'AcknowledgeFeedback',
  data: { involvementId: 'i-1', participantId: 'u-1', evidenceId },
});

const confirmed: InvolvementEvent = { type: 'ParticipantConfirmedInvolvement', data: ids };
const disputed = (reason = 'Jeg var ikke der', concerns = ['attendance' as const]): InvolvementEvent => ({
  type: 'ParticipantDisputedInvolvement',
  data: { ...ids, concerns, reason },
});
const corrected: InvolvementEvent = {
  type: 'InvolvementCorrected',
  data: {
    ...ids,
    changes: { attendance: 'absent' },
    previous: { attendance: 'in-person' },
    reason: 'Deltakeren var syk',
    appointment: { appointmentId: 'a-1', role: 'member' },
    countsAsParticipation: true,
    payable: true,
  },
};
const voided: InvolvementEvent = { type: 'InvolvementVoided', data: { ...ids, reason: 'Feil' } };
const feedback: InvolvementEvent = {
  type: 'EvidenceAdded',
  data: {
    ...ids,
    evidenceId: 'e-1',
    evidence: { kind: 'feedback', at: '2025-03-12T10:00:00Z', summary: 'Tatt inn' },
  },
};
const input: InvolvementEvent = {
  type: 'EvidenceAdded',
  data: {
    ...ids,
    evidenceId: 'e-2',
    evidence: { kind: 'input', at: '2025-03-10T10:00:00Z', summary: 'Innspill' },
  },
};

const stateAfter = (...events: InvolvementEvent[]) =>
  events.reduce(evolveInvolvement, initialInvolvementState());

describe('RespondToInvolvement', () => {
  it('confirms, and confirming again adds nothing', () => {
    spec(logged)
      .when(respond({ confirmed: true }))
      .then(confirmed);
    spec(logged, confirmed)
      .when(respond({ confirmed: true }))
      .thenNothingHappened();
  });

  it('disputes with a reason and what it concerns (other when not said)', () => {
    spec(logged)
      .when(
        respond({ confirmed: false, reason: '  Jeg var ikke der ', concerns: ['attendance', 'attendance'] }),
      )
      .then(disputed());
    spec(logged)
      .when(respond({ confirmed: false, reason: 'Timene stemmer ikke' }))
      .then(disputed('Timene stemmer ikke', ['other' as never]));
  });

  it('refuses a dispute without a reason', () => {
    spec(logged)
      .when(respond({ confirmed: false }))
      .thenViolates('dispute-reason-required');
    spec(logged)
      .when(respond({ confirmed: false, reason: '   ' }))
      .thenViolates('dispute-reason-required');
  });

  it('refuses a national id in the reason', () => {
    spec(logged)
      .when(respond({ confirmed: false, reason: `Ikke meg, ${A_NATIONAL_ID}` }))
      .thenViolates('free-text-contains-national-id');
  });

  it('refuses malformed input field by field', () => {
    spec(logged)
      .when(respond({ confirmed: 'yes' }))
      .thenInvalid('confirmed');
    spec(logged)
      .when(respond({ confirmed: false, reason: 'x', concerns: ['mood'] }))
      .thenInvalid('concerns[0]');
    spec(logged)
      .when(respond({ confirmed: false, reason: 'x', concerns: [] }))
      .thenInvalid('concerns');
    spec(logged)
      .when(respond({ confirmed: true, concerns: ['hours'] }))
      .thenInvalid('concerns');
    spec(logged)
      .when(respond({ confirmed: false, reason: 'x'.repeat(2001) }))
      .thenInvalid('reason');
  });

  it('lets only the participant the involvement is about speak', () => {
    spec(logged)
      .when(respond({ confirmed: true }, 'u-2'))
      .thenThrows(Forbidden);
    spec(logged).when(waive('Vil ikke ha', 'u-2'), notBatched).thenThrows(Forbidden);
  });

  it('refuses an unknown or voided involvement', () => {
    spec()
      .when(respond({ confirmed: true }))
      .thenThrows(NotFound);
    spec(logged, voided)
      .when(respond({ confirmed: true }))
      .thenViolates('voided-involvement-takes-no-response');
  });

  it('holds the payout back while a dispute is open: until the lead corrects or the participant confirms', () => {
    expect(holdsBackPayout(stateAfter(logged) as never)).toBe(false);
    expect(holdsBackPayout(stateAfter(logged, disputed()) as never)).toBe(true);
    expect(holdsBackPayout(stateAfter(logged, disputed(), corrected) as never)).toBe(false);
    expect(holdsBackPayout(stateAfter(logged, disputed(), confirmed) as never)).toBe(false);
    expect(holdsBackPayout(stateAfter(logged, disputed(), corrected, disputed()) as never)).toBe(true);
  });

  it('disputes the corrected version anew, even with the same words', () => {
    spec(logged, disputed())
      .when(respond({ confirmed: false, reason: 'Jeg var ikke der', concerns: ['attendance'] }))
      .thenNothingHappened();
    spec(logged, disputed(), corrected)
      .when(respond({ confirmed: false, reason: 'Jeg var ikke der', concerns: ['attendance'] }))
      .then(disputed());
    spec(logged, confirmed, corrected)
      .when(respond({ confirmed: true }))
      .then(confirmed);
  });
});

describe('WaiveHonorarium', () => {
  it('waives once, with a reason', () => {
    spec(logged)
      .when(waive(' Jeg gir honoraret til foreningen '), notBatched)
      .then({
        type: 'ParticipantWaivedHonorarium',
        data: { ...ids, reason: 'Jeg gir honoraret til foreningen' },
      });
    spec(logged, { type: 'ParticipantWaivedHonorarium', data: { ...ids, reason: 'Nei takk' } })
      .when(waive('Igjen'), notBatched)
      .thenViolates('honorarium-already-waived');
  });

  it('refuses once the honorarium is in a payout batch', () => {
    spec(logged)
      .when(waive('Nei takk'), { honorariumInBatch: true })
      .thenViolates('honorarium-already-batched');
  });

  it('needs a reason, and something to waive', () => {
    spec(logged).when(waive(''), notBatched).thenViolates('waiver-reason-required');
    spec(logged).when(waive(42), notBatched).thenInvalid('reason');
    spec(
      involvementLogged({
        form: 'peer-support',
        payable: false,
        countsAsParticipation: false,
        appointment: null,
      }),
    )
      .when(waive('Nei takk'), notBatched)
      .thenViolates('nothing-to-waive');
  });
});

describe('AcknowledgeFeedback', () => {
  it('acknowledges recorded feedback once', () => {
    spec(logged, feedback)
      .when(acknowledge('e-1'))
      .then({ type: 'ParticipantAcknowledgedFeedback', data: { ...ids, evidenceId: 'e-1' } });
    spec(logged, feedback, { type: 'ParticipantAcknowledgedFeedback', data: { ...ids, evidenceId: 'e-1' } })
      .when(acknowledge('e-1'))
      .thenNothingHappened();
  });

  it('refuses what is not recorded feedback', () => {
    spec(logged, input).when(acknowledge('e-2')).thenViolates('feedback-not-recorded');
    spec(logged).when(acknowledge('e-9')).thenViolates('feedback-not-recorded');
    spec(logged).when(acknowledge(undefined)).thenInvalid('evidenceId');
  });
});
