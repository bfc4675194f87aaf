import type { AppointmentEvent } from './appointment/appointment.events';
import type { InvolvementEvent } from './involvement/involvement.events';

/**
 * Free text about one participant, by event type and path into `data`: an
 * involvement or an appointment concerns one person, so what is written about
 * it is theirs. From schema version 2 these values are stored sealed with the
 * key of the event's `participantId` (the application layer seals and opens
 * them), so forgetting the person erases them too; version 1 events hold
 * plaintext. Other free text (project names, nominating bodies, payout
 * reasons) stays plain and may never hold a national id.
 */
export const PERSONAL_TEXT_FIELDS: Readonly<
  Record<InvolvementEvent['type'] | AppointmentEvent['type'], readonly (readonly string[])[]>
> = {
  InvolvementLogged: [['topic']],
  InvolvementCorrected: [['reason'], ['changes', 'topic'], ['previous', 'topic']],
  InvolvementVoided: [['reason']],
  EvidenceAdded: [
    ['evidence', 'summary'],
    ['evidence', 'rationale'],
  ],
  ParticipantConfirmedInvolvement: [],
  ParticipantDisputedInvolvement: [['reason']],
  ParticipantWaivedHonorarium: [['reason']],
  ParticipantAcknowledgedFeedback: [],
  AppointmentMade: [['exceptionReason']],
  AppointmentEnded: [['reason']],
};

/** The schema version from which PERSONAL_TEXT_FIELDS are sealed. */
export const SEALED_TEXT_SCHEMA_VERSION = 2;
