import { AppointmentRole, DomainEvent, IsoDate, PersonalText } from '../common';

/** An appointment (oppnevning) of a participant to a project for a term. */
export type AppointmentMade = DomainEvent<
  'AppointmentMade',
  {
    appointmentId: string;
    projectId: string;
    participantId: string;
    role: AppointmentRole;
    /** Who proposed the participant, e.g. a user organisation or the user council. */
    nominatedBy: string;
    /** Who appointed, e.g. the board or the director. */
    appointedBy: string;
    from: IsoDate;
    /** Last day of the term, inclusive; null while open-ended. */
    to: IsoDate | null;
    /**
     * Why the rule against own-organisation staff at system level is set aside; null when not needed or not given.
     * About the participant, so sealed with their key (see PERSONAL_TEXT_FIELDS).
     */
    exceptionReason: PersonalText | null;
  }
>;

export type AppointmentEnded = DomainEvent<
  'AppointmentEnded',
  {
    appointmentId: string;
    /** From schema version 2: whose key seals the reason. */
    participantId?: string;
    /** Last day in force, inclusive. */
    endedOn: IsoDate;
    reason: PersonalText | null;
  }
>;

export type AppointmentEvent = AppointmentMade | AppointmentEnded;
