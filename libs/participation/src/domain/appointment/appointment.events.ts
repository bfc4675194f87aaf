import {
  AppointedForm,
  AppointmentRole,
  DomainEvent,
  IsoDate,
  NominatingBodyKind,
  PersonalText,
} from '../common';

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
    /**
     * From revision 2 (2026-12), each null when not given. Events recorded
     * before it lack them: `appointmentMadeData` reads them as null, and the
     * stored events are never rewritten. Plain text (about the body, not the
     * person) that may never hold a national id.
     */
    form?: AppointedForm | null;
    nominatedByKind?: NominatingBodyKind | null;
    decisionRef?: string | null;
    mandate?: string | null;
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

/** Fields added after the first version of AppointmentMade, as readers see them when an old event lacks them. */
export type AppointmentMadeRevision2 = {
  form: AppointedForm | null;
  nominatedByKind: NominatingBodyKind | null;
  decisionRef: string | null;
  mandate: string | null;
};

/** An AppointmentMade of any version with every field present (older events: the new ones null). */
export function appointmentMadeData(
  data: AppointmentMade['data'],
): AppointmentMade['data'] & AppointmentMadeRevision2 {
  return {
    ...data,
    form: data.form ?? null,
    nominatedByKind: data.nominatedByKind ?? null,
    decisionRef: data.decisionRef ?? null,
    mandate: data.mandate ?? null,
  };
}
