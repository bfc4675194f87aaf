import { Forbidden } from '@app/shared-kernel';
import type { ConsentGiver } from '../domain/vocabulary';

/** The caller as the HTTP layer verified them; `participantId` is the representative's own claim. */
export interface ConsentCaller {
  roles: readonly string[];
  participantId?: string;
}

/**
 * Who gives or withdraws consent for `participantId`: the representative
 * themselves (role `representative`, their own `participantId` claim), or an
 * admin acting on the participant's written consent. Anyone else: 403.
 */
export function consentGiverOf(caller: ConsentCaller, participantId: string): ConsentGiver {
  if (caller.roles.includes('representative') && caller.participantId === participantId) return 'participant';
  if (caller.roles.includes('admin')) return 'admin-on-written-consent';
  throw new Forbidden(
    'Breadth attributes are given or withdrawn only by the participant or by an admin on their written consent',
  );
}
