import { Injectable } from '@nestjs/common';
import { isForgotten, PersonalDataVault, type SealedPersonalData } from '@app/participation';
import type { BreadthAttributes } from '../domain/representation/breadth-attributes';

/** The vault's person id of one consent's own key: a consent never shares its key with another. */
const consentKeyId = (consentId: string) => `breadth-consent:${consentId}`;

/**
 * Breadth attributes are sealed twice: first with a key of their consent
 * alone, then with the person's own key. Withdrawing the consent destroys the
 * first, forgetting the person the second; either way they are gone for
 * good, while the event and its hash stay as stored.
 */
@Injectable()
export class BreadthSeal {
  constructor(private readonly vault: PersonalDataVault) {}

  async seal(
    participantId: string,
    consentId: string,
    attributes: BreadthAttributes,
  ): Promise<SealedPersonalData> {
    const inner = await this.vault.seal(consentKeyId(consentId), attributes);
    return this.vault.seal(participantId, { inner });
  }

  /** The attributes, or null once the consent was withdrawn or the person forgotten. */
  async open(
    participantId: string,
    consentId: string,
    sealed: SealedPersonalData,
  ): Promise<BreadthAttributes | null> {
    const outer = await this.vault.open<{ inner: SealedPersonalData }>(participantId, sealed);
    if (isForgotten(outer)) return null;
    const attributes = await this.vault.open<BreadthAttributes>(consentKeyId(consentId), outer.inner);
    return isForgotten(attributes) ? null : attributes;
  }

  /** Destroys the consent's key: its attributes are unreadable from now on. Safe to repeat. */
  erase(consentId: string): Promise<void> {
    return this.vault.forget(consentKeyId(consentId));
  }
}
