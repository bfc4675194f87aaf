import { Conflict, NotFound } from '@app/shared-kernel';
import { deciderSpec } from '../testing/given-when-then';
import { ForgetParticipant, RegisterParticipant } from './participant.commands';
import { participantDecider } from './participant.decider';
import { ParticipantForgotten, ParticipantRegistered } from './participant.events';

const spec = deciderSpec(participantDecider);
const SEALED = 'pii:v1:AAAAAAAAAAAAAAAA:c2VhbGVk';

const register = (data: Partial<RegisterParticipant['data']> = {}): RegisterParticipant => ({
  type: 'RegisterParticipant',
  data: { participantId: 'u-1', sealed: SEALED, employedBy: ['org-1'], ...data },
});
const registered: ParticipantRegistered = {
  type: 'ParticipantRegistered',
  data: { participantId: 'u-1', sealed: SEALED, employedBy: ['org-1'] },
};
const forget: ForgetParticipant = { type: 'ForgetParticipant', data: { participantId: 'u-1' } };
const forgotten: ParticipantForgotten = { type: 'ParticipantForgotten', data: { participantId: 'u-1' } };
const nothingAwaitingPayment = { approvedLinesAwaitingPayment: 0 };

describe('Participant decider', () => {
  describe('RegisterParticipant', () => {
    it('registers a participant with sealed personal data', () => {
      spec().when(register()).then(registered);
    });

    it('records employers once each, and none when not given', () => {
      spec()
        .when(register({ employedBy: ['org-1', 'org-1', 'org-2'] }))
        .then({ ...registered, data: { ...registered.data, employedBy: ['org-1', 'org-2'] } });
      spec()
        .when(register({ employedBy: undefined }))
        .then({ ...registered, data: { ...registered.data, employedBy: [] } });
    });

    it('refuses personal data in plaintext: only a sealed envelope enters the event', () => {
      spec()
        .when(register({ sealed: '{"name":"Kari Nordmann"}' }))
        .thenInvalid('sealed');
      spec()
        .when(register({ sealed: 'pii:v1:Kari:Nordmann' }))
        .thenInvalid('sealed');
    });

    it('refuses an empty employer id', () => {
      spec()
        .when(register({ employedBy: ['org-1', ' '] }))
        .thenInvalid('employedBy[1]');
    });

    it('refuses registering the same participant twice (409)', () => {
      spec(registered).when(register()).thenThrows(Conflict);
    });
  });

  describe('ForgetParticipant', () => {
    it('forgets a registered participant', () => {
      spec(registered).when(forget, nothingAwaitingPayment).then(forgotten);
    });

    it('forgets only once', () => {
      spec(registered, forgotten).when(forget, nothingAwaitingPayment).thenNothingHappened();
    });

    it('refuses while approved payout lines await payment (409)', () => {
      spec(registered).when(forget, { approvedLinesAwaitingPayment: 2 }).thenThrows(Conflict);
    });

    it('refuses an unknown participant (404)', () => {
      spec().when(forget, nothingAwaitingPayment).thenThrows(NotFound);
    });

    it('drops the envelope from state once forgotten', () => {
      const state = [registered, forgotten].reduce(
        participantDecider.evolve,
        participantDecider.initialState(),
      );
      expect(state).toEqual({ status: 'forgotten', participantId: 'u-1', employedBy: ['org-1'] });
    });
  });
});
