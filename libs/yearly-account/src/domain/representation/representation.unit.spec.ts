import { RuleViolation, ValidationFailed } from '@app/shared-kernel';
import { parseBreadthAttributes } from './breadth-attributes';
import {
  evolveRepresentation,
  giveConsent,
  initialRepresentationState,
  parsePerspectives,
  withdrawConsent,
} from './representation';

const SEALED = 'pii:v1:AAAAAAAAAAAAAAAA:c2VhbGVk';

describe('perspective and breadth consent', () => {
  it('reads perspectives in their own order, each once', () => {
    expect(parsePerspectives(['next-of-kin', 'user', 'user'])).toEqual(['user', 'next-of-kin']);
    expect(() => parsePerspectives(['pårørende'])).toThrow(ValidationFailed);
  });

  it('normalises free-text attributes so spacing and case never split a group', () => {
    expect(parseBreadthAttributes({ userOrganization: '  FFO   Trøndelag ', sami: true })).toEqual({
      userOrganization: 'ffo trøndelag',
      sami: true,
    });
  });

  it('refuses plaintext where the sealed attributes belong', () => {
    const command = {
      participantId: 'p',
      consentId: 'p.1',
      givenBy: 'participant' as const,
      writtenConsentRef: null,
    };
    expect(() =>
      giveConsent(initialRepresentationState(), { ...command, attributes: '{"sami":true}' }),
    ).toThrow(/sealed/);
  });

  it('needs the written consent when an admin records it', () => {
    const command = { participantId: 'p', consentId: 'p.1', attributes: SEALED, writtenConsentRef: null };
    expect(() =>
      giveConsent(initialRepresentationState(), { ...command, givenBy: 'admin-on-written-consent' }),
    ).toThrow(RuleViolation);
    expect(giveConsent(initialRepresentationState(), { ...command, givenBy: 'participant' })).toHaveLength(1);
  });

  it('withdraws the consent in force before a new one, and withdraws nothing twice', () => {
    const first = giveConsent(initialRepresentationState(), {
      participantId: 'p',
      consentId: 'p.1',
      givenBy: 'participant',
      attributes: SEALED,
      writtenConsentRef: null,
    });
    const state = first.reduce(evolveRepresentation, initialRepresentationState());
    const second = giveConsent(state, {
      participantId: 'p',
      consentId: 'p.2',
      givenBy: 'participant',
      attributes: SEALED,
      writtenConsentRef: null,
    });
    expect(second.map((e) => e.type)).toEqual(['BreadthConsentWithdrawn', 'BreadthConsentGiven']);
    const withdrawn = withdrawConsent(second.reduce(evolveRepresentation, state), 'p', 'participant');
    const after = withdrawn.reduce(evolveRepresentation, second.reduce(evolveRepresentation, state));
    expect(withdrawConsent(after, 'p', 'participant')).toEqual([]);
  });
});
