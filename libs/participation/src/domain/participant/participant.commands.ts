import { DomainCommand, SealedPersonalData } from '../common';

/** The application layer validates and seals the personal data before this command exists. */
export type RegisterParticipant = DomainCommand<
  'RegisterParticipant',
  { participantId: string; sealed: SealedPersonalData; employedBy?: string[] }
>;

export type ForgetParticipant = DomainCommand<'ForgetParticipant', { participantId: string }>;

export type ParticipantCommand = RegisterParticipant | ForgetParticipant;

export type ForgetParticipantContext = {
  /** Payout lines approved but not yet paid: forgetting now would leave finance without a payee. */
  approvedLinesAwaitingPayment: number;
};

/** What each command needs to know beyond the participant's own stream. */
export type ParticipantContextOf = {
  RegisterParticipant: void;
  ForgetParticipant: ForgetParticipantContext;
};
