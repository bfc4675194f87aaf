import { DomainEvent, SealedPersonalData } from '../common';

/**
 * A user, next of kin or representative (bruker, pårørende,
 * brukerrepresentant) who takes part. Their name, national identity number,
 * bank account, e-mail and address travel only inside `sealed`.
 */
export type ParticipantRegistered = DomainEvent<
  'ParticipantRegistered',
  {
    participantId: string;
    sealed: SealedPersonalData;
    /** Organisations employing the participant: decides who needs an exception at system level. */
    employedBy: string[];
  }
>;

/** The participant's data key is destroyed: `sealed` can never be opened again. */
export type ParticipantForgotten = DomainEvent<'ParticipantForgotten', { participantId: string }>;

export type ParticipantEvent = ParticipantRegistered | ParticipantForgotten;
