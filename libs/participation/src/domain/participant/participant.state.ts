import { SealedPersonalData } from '../common';

export type ParticipantState =
  | { status: 'unregistered' }
  | { status: 'registered'; participantId: string; sealed: SealedPersonalData; employedBy: readonly string[] }
  | { status: 'forgotten'; participantId: string; employedBy: readonly string[] };

export const initialParticipantState = (): ParticipantState => ({ status: 'unregistered' });

export function isEmployedBy(participant: ParticipantState, organizationId: string): boolean {
  return participant.status !== 'unregistered' && participant.employedBy.includes(organizationId);
}
