import { DomainCommand, SealedPersonalData } from '../common';

/** The application layer validates and seals the personal data before this command exists. */
export type RegisterParticipant = DomainCommand<
  'RegisterParticipant',
  { participantId: string; sealed: SealedPersonalData; employedBy?: string[] }
>;

export type ForgetParticipant = DomainCommand<'ForgetParticipant', { participantId: string }>;

export type ChangeEmployment = DomainCommand<
  'ChangeEmployment',
  { participantId: string; employedBy: string[]; from: string }
>;

/** The application layer opens the current data, sets the new account, validates and seals the whole record. */
export type ChangeBankAccount = DomainCommand<
  'ChangeBankAccount',
  { participantId: string; sealed: SealedPersonalData }
>;

/** As ChangeBankAccount, for e-mail and address. */
export type ChangeContact = DomainCommand<
  'ChangeContact',
  { participantId: string; sealed: SealedPersonalData }
>;

export type ParticipantCommand =
  RegisterParticipant | ForgetParticipant | ChangeEmployment | ChangeBankAccount | ChangeContact;

export type ForgetParticipantContext = {
  /** Payout lines approved but not yet paid: forgetting now would leave finance without a payee. */
  approvedLinesAwaitingPayment: number;
};

/** What each command needs to know beyond the participant's own stream. */
export type ParticipantContextOf = {
  RegisterParticipant: void;
  ForgetParticipant: ForgetParticipantContext;
  ChangeEmployment: void;
  ChangeBankAccount: void;
  ChangeContact: void;
};
