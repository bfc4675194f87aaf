import type { DomainEvent, SealedPersonalData } from '@app/participation';
import type { ConsentGiver } from '../vocabulary';

/**
 * The participant speaks as a user (bruker), as next of kin (pårørende), or
 * as both. Being a user of health services is about their health, so the
 * list travels sealed with the person's key, erased when they are forgotten.
 */
export type PerspectiveRecorded = DomainEvent<
  'PerspectiveRecorded',
  { participantId: string; perspectives: SealedPersonalData }
>;

/**
 * Consent to record breadth attributes, with the attributes sealed twice:
 * by a key of this consent alone (destroyed on withdrawal) inside the
 * person's own key (destroyed when they are forgotten).
 */
export type BreadthConsentGiven = DomainEvent<
  'BreadthConsentGiven',
  {
    participantId: string;
    consentId: string;
    givenBy: ConsentGiver;
    attributes: SealedPersonalData;
    /** Where the written consent is filed (admins only), sealed with the person's key. */
    writtenConsentRef: SealedPersonalData | null;
  }
>;

/** The consent is withdrawn: the consent's key is destroyed, its attributes unreadable for good. */
export type BreadthConsentWithdrawn = DomainEvent<
  'BreadthConsentWithdrawn',
  { participantId: string; consentId: string; withdrawnBy: ConsentGiver }
>;

export type RepresentationEvent = PerspectiveRecorded | BreadthConsentGiven | BreadthConsentWithdrawn;

export const REPRESENTATION_EVENT_TYPES: readonly RepresentationEvent['type'][] = [
  'PerspectiveRecorded',
  'BreadthConsentGiven',
  'BreadthConsentWithdrawn',
];
