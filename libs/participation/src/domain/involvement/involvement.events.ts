import { DomainEvent, PersonalText } from '../common';
import { Evidence } from './evidence';
import { Classification, InvolvementDetails } from './involvement.details';
import { DisputeConcern } from './participant-voice';

/** One occasion a participant took part (or, for peer support, helped a peer). No personal data: ids only. */
export type InvolvementLogged = DomainEvent<
  'InvolvementLogged',
  { involvementId: string; projectId: string; participantId: string } & InvolvementDetails &
    Classification &
    InMeeting
>;

/**
 * The meeting the involvement belongs to. Written only when there is one, so
 * events logged before meetings existed and those without one read alike: no
 * stored shape changes, and no upcaster is needed.
 */
export type InMeeting = { meetingId?: string };

/**
 * A correction is a new fact; the logged event stays as it was. `changes`
 * holds the new values of the fields that differ, `previous` their old ones,
 * so a payout adjustment can be computed from this event alone.
 * `participantId` (from schema version 2) names whose key seals the free text.
 */
export type InvolvementCorrected = DomainEvent<
  'InvolvementCorrected',
  {
    involvementId: string;
    participantId?: string;
    changes: Partial<InvolvementDetails>;
    previous: Partial<InvolvementDetails>;
    reason: PersonalText;
  } & Classification
>;

export type InvolvementVoided = DomainEvent<
  'InvolvementVoided',
  { involvementId: string; participantId?: string; reason: PersonalText }
>;

export type EvidenceAdded = DomainEvent<
  'EvidenceAdded',
  { involvementId: string; participantId?: string; evidenceId: string; evidence: Evidence }
>;

export type InvolvementEvent =
  InvolvementLogged | InvolvementCorrected | InvolvementVoided | EvidenceAdded | ParticipantVoiceEvent;

/**
 * The participant confirms what is logged as it stands (every event before
 * this one in the stream). After a dispute it withdraws the dispute.
 */
export type ParticipantConfirmedInvolvement = DomainEvent<
  'ParticipantConfirmedInvolvement',
  { involvementId: string; participantId: string }
>;

/** The participant disputes what is logged; the reason is sealed free text about them. */
export type ParticipantDisputedInvolvement = DomainEvent<
  'ParticipantDisputedInvolvement',
  { involvementId: string; participantId: string; concerns: DisputeConcern[]; reason: PersonalText }
>;

/** The participant declines the honorarium of this involvement; expenses are still covered. */
export type ParticipantWaivedHonorarium = DomainEvent<
  'ParticipantWaivedHonorarium',
  { involvementId: string; participantId: string; reason: PersonalText }
>;

/** The participant acknowledges having received a feedback the lead recorded. */
export type ParticipantAcknowledgedFeedback = DomainEvent<
  'ParticipantAcknowledgedFeedback',
  { involvementId: string; participantId: string; evidenceId: string }
>;

/** What the participant themselves says about an involvement logged about them (docs/adr/0028). */
export type ParticipantVoiceEvent =
  | ParticipantConfirmedInvolvement
  | ParticipantDisputedInvolvement
  | ParticipantWaivedHonorarium
  | ParticipantAcknowledgedFeedback;

export const PARTICIPANT_VOICE_EVENT_TYPES = [
  'ParticipantConfirmedInvolvement',
  'ParticipantDisputedInvolvement',
  'ParticipantWaivedHonorarium',
  'ParticipantAcknowledgedFeedback',
] as const satisfies readonly ParticipantVoiceEvent['type'][];
