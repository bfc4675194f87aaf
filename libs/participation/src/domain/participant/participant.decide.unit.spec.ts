import { Conflict, NotFound } from '@app/shared-kernel';
import { deciderSpec } from '../testing/given-when-then';
import {
  ChangeBankAccount,
  ChangeContact,
  ChangeEmployment,
  ForgetParticipant,
  RegisterParticipant,
} from './participant.commands';
import { participantDecider } from './participant.decider';
import {
  ParticipantEmploymentChanged,
  ParticipantForgotten,
  ParticipantRegistered,
} from './participant.events';
import { employedByOn } from './participant.state';

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
      expect(state).toEqual({
        status: 'forgotten',
        participantId: 'u-1',
        employment: [{ from: null, employedBy: ['org-1'] }],
      });
    });
  });

  describe('changes: employment, bank account, contact details', () => {
    const SEALED_2 = 'pii:v1:BBBBBBBBBBBBBBBB:bmV3IGRhdGE=';
    const changeEmployment = (data: Partial<ChangeEmployment['data']> = {}): ChangeEmployment => ({
      type: 'ChangeEmployment',
      data: { participantId: 'u-1', employedBy: ['org-2', 'org-2'], from: '2025-03-01', ...data },
    });
    const employmentChanged: ParticipantEmploymentChanged = {
      type: 'ParticipantEmploymentChanged',
      data: { participantId: 'u-1', employedBy: ['org-2'], from: '2025-03-01' },
    };
    const changeBank = (sealed = SEALED_2): ChangeBankAccount => ({
      type: 'ChangeBankAccount',
      data: { participantId: 'u-1', sealed },
    });
    const changeContact: ChangeContact = {
      type: 'ChangeContact',
      data: { participantId: 'u-1', sealed: SEALED_2 },
    };

    it('records a new employment from a day, each employer once', () => {
      spec(registered).when(changeEmployment()).then(employmentChanged);
    });

    it('keeps every employment, and answers the one in force on a day', () => {
      const state = [registered, employmentChanged].reduce(
        participantDecider.evolve,
        participantDecider.initialState(),
      );
      expect(employedByOn(state, '2025-02-28')).toEqual(['org-1']);
      expect(employedByOn(state, '2025-03-01')).toEqual(['org-2']);
      const backdated: ParticipantEmploymentChanged = {
        type: 'ParticipantEmploymentChanged',
        data: { participantId: 'u-1', employedBy: [], from: '2025-01-01' },
      };
      const later = participantDecider.evolve(state, backdated);
      expect(employedByOn(later, '2025-02-01')).toEqual([]);
      expect(employedByOn(later, '2025-04-01')).toEqual(['org-2']);
    });

    it('seals a changed bank account or contact details as a new envelope that readers then open', () => {
      spec(registered)
        .when(changeBank())
        .then({ type: 'ParticipantBankAccountChanged', data: { participantId: 'u-1', sealed: SEALED_2 } });
      spec(registered)
        .when(changeContact)
        .then({ type: 'ParticipantContactChanged', data: { participantId: 'u-1', sealed: SEALED_2 } });
      const state = participantDecider.evolve(
        [registered].reduce(participantDecider.evolve, participantDecider.initialState()),
        { type: 'ParticipantBankAccountChanged', data: { participantId: 'u-1', sealed: SEALED_2 } },
      );
      expect(state).toMatchObject({ status: 'registered', sealed: SEALED_2 });
    });

    it('refuses plaintext where the envelope belongs', () => {
      spec(registered).when(changeBank('{"bankAccount":"12345678903"}')).thenInvalid('sealed');
    });

    it('refuses a malformed day or employer, naming each field', () => {
      spec(registered)
        .when(changeEmployment({ from: '2025-02-30', employedBy: ['org-1', ''] }))
        .thenInvalid('from', 'employedBy[1]');
    });

    it('refuses changing an unknown participant (404) or a forgotten one (422)', () => {
      spec().when(changeEmployment()).thenThrows(NotFound);
      spec().when(changeBank()).thenThrows(NotFound);
      spec(registered, forgotten).when(changeEmployment()).thenViolates('participant-forgotten');
      spec(registered, forgotten).when(changeContact).thenViolates('participant-forgotten');
    });
  });
});
