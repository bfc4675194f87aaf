import { DomainEvent, IsoDate, SealedPersonalData } from '../common';

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
    /** Organisations employing the participant: decides who needs an exception at service or system level. */
    employedBy: string[];
  }
>;

/** The participant's data key is destroyed: `sealed` can never be opened again. */
export type ParticipantForgotten = DomainEvent<'ParticipantForgotten', { participantId: string }>;

/**
 * The participant's employers from `from` on (a new job, a job ended: `[]`).
 * Organisation ids, as at registration; the own-workplace rule reads the
 * employment in force on an appointment's first day.
 */
export type ParticipantEmploymentChanged = DomainEvent<
  'ParticipantEmploymentChanged',
  { participantId: string; employedBy: string[]; from: IsoDate }
>;

/**
 * A new bank account. `sealed` is the person's whole personal data as it is
 * after the change, sealed with their key like registration's, so every reader
 * opens one envelope, the latest, and forgetting the person erases it too.
 */
export type ParticipantBankAccountChanged = DomainEvent<
  'ParticipantBankAccountChanged',
  { participantId: string; sealed: SealedPersonalData }
>;

/** New contact details (e-mail, address); `sealed` as for a bank account change. */
export type ParticipantContactChanged = DomainEvent<
  'ParticipantContactChanged',
  { participantId: string; sealed: SealedPersonalData }
>;

export type ParticipantEvent =
  | ParticipantRegistered
  | ParticipantForgotten
  | ParticipantEmploymentChanged
  | ParticipantBankAccountChanged
  | ParticipantContactChanged;
