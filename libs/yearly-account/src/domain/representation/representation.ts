import { Conflict, RuleViolation } from '@app/shared-kernel';
import { FieldChecks, isSealedEnvelope, type SealedPersonalData } from '@app/participation';
import { PERSPECTIVES, type ConsentGiver, type Perspective } from '../vocabulary';
import type { RepresentationEvent } from './representation.events';

/** One participant's breadth consent (stream `representation-<participantId>`, which also holds their perspective). */
export interface RepresentationState {
  consent: { consentId: string; attributes: SealedPersonalData } | null;
  /** Consents ever given: the next one gets a fresh id, and so a fresh key. */
  consentsGiven: number;
}

export const initialRepresentationState = (): RepresentationState => ({
  consent: null,
  consentsGiven: 0,
});

export function evolveRepresentation(
  state: RepresentationState,
  event: RepresentationEvent,
): RepresentationState {
  switch (event.type) {
    case 'PerspectiveRecorded':
      return state;
    case 'BreadthConsentGiven':
      return {
        ...state,
        consent: { consentId: event.data.consentId, attributes: event.data.attributes },
        consentsGiven: state.consentsGiven + 1,
      };
    case 'BreadthConsentWithdrawn':
      return state.consent?.consentId === event.data.consentId ? { ...state, consent: null } : state;
  }
}

export const representationDecider = {
  evolve: evolveRepresentation,
  initialState: initialRepresentationState,
};

/** The id of the next consent of this participant: its key is named after it, never reused. */
export const nextConsentId = (participantId: string, state: RepresentationState) =>
  `${participantId}.${state.consentsGiven + 1}`;

/** Perspectives in their canonical order, each once; at least one (400 otherwise). */
export function parsePerspectives(input: unknown): Perspective[] {
  const checks = new FieldChecks();
  if (!Array.isArray(input) || input.length === 0)
    checks.fail('perspectives', `must be a non-empty list of ${PERSPECTIVES.join(', ')}`);
  else input.forEach((p, i) => checks.oneOf(`perspectives[${i}]`, PERSPECTIVES, p));
  checks.throwIfAny();
  return PERSPECTIVES.filter((p) => (input as unknown[]).includes(p));
}

/** Records the perspectives, sealed: the decider refuses plaintext. */
export function recordPerspective(
  participantId: string,
  perspectives: SealedPersonalData,
): RepresentationEvent[] {
  if (!isSealedEnvelope(perspectives))
    throw new Error('perspectives must be sealed before they reach the decider, never plaintext');
  return [{ type: 'PerspectiveRecorded', data: { participantId, perspectives } }];
}

export interface GiveConsent {
  participantId: string;
  consentId: string;
  givenBy: ConsentGiver;
  attributes: SealedPersonalData;
  writtenConsentRef: SealedPersonalData | null;
}

/**
 * Records consent with the sealed attributes. A new consent replaces the one
 * in force: that one is withdrawn first, so its key is destroyed too.
 */
export function giveConsent(state: RepresentationState, command: GiveConsent): RepresentationEvent[] {
  if (!isSealedEnvelope(command.attributes))
    throw new Error('breadth attributes must be sealed before they reach the decider, never plaintext');
  if (command.givenBy === 'admin-on-written-consent' && command.writtenConsentRef === null)
    throw new RuleViolation(
      'written-consent-required',
      'An admin records breadth attributes only on the participant’s written consent: writtenConsentRef names where it is filed',
    );
  if (command.consentId !== nextConsentId(command.participantId, state))
    throw new Conflict('The participant’s consent changed while this one was being recorded; try again');
  const withdraw: RepresentationEvent[] = state.consent
    ? [
        {
          type: 'BreadthConsentWithdrawn',
          data: {
            participantId: command.participantId,
            consentId: state.consent.consentId,
            withdrawnBy: command.givenBy,
          },
        },
      ]
    : [];
  return [...withdraw, { type: 'BreadthConsentGiven', data: { ...command } }];
}

/** Withdraws the consent in force; with none in force there is nothing to do. */
export function withdrawConsent(
  state: RepresentationState,
  participantId: string,
  withdrawnBy: ConsentGiver,
): RepresentationEvent[] {
  if (!state.consent) return [];
  return [
    {
      type: 'BreadthConsentWithdrawn',
      data: { participantId, consentId: state.consent.consentId, withdrawnBy },
    },
  ];
}
