/**
 * The closed vocabularies of the participation context. Codes are part of the
 * HTTP and event contracts: add codes, never rename them.
 */

/**
 * Forms of involvement (medvirkningsformer): `user-council` brukerutvalg,
 * `user-panel` brukerpanel, `user-gathering` brukersamling, `user-group`
 * brukergruppe, `user-interview` brukerintervju, `user-conversation`
 * brukersamtale, `dialogue` dialogsamtale, `peer-support` likemannsarbeid.
 */
export const INVOLVEMENT_FORMS = [
  'user-council',
  'user-panel',
  'user-gathering',
  'user-group',
  'user-interview',
  'user-conversation',
  'dialogue',
  'peer-support',
] as const;
export type InvolvementForm = (typeof INVOLVEMENT_FORMS)[number];

/** Forms whose members are appointed, so an involvement needs an active appointment. */
export const FORMS_NEEDING_APPOINTMENT: readonly InvolvementForm[] = [
  'user-council',
  'user-panel',
  'user-group',
];

/** Peer support is voluntary help between peers, not user participation. */
export const NOT_PARTICIPATION: readonly InvolvementForm[] = ['peer-support'];

/** Levels (individnivå / tjenestenivå / systemnivå) of participation. */
export const PARTICIPATION_LEVELS = ['individual', 'service', 'system'] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];

/**
 * `absent`: the participant did not come (no honorarium; expenses only where
 * the guideline says so). `cancelled`: the organiser cancelled (no
 * honorarium; documented expenses already incurred are covered).
 */
export const ATTENDANCES = ['in-person', 'remote', 'absent', 'cancelled'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/** The participant took no part, so the involvement needs no meeting hours. */
export const NOT_ATTENDED: readonly Attendance[] = ['absent', 'cancelled'];

/**
 * `user-representative` brukerrepresentant (own experience as patient or next
 * of kin, speaks for a larger group), `next-of-kin-representative`
 * pårørenderepresentant, `experience-consultant` erfaringskonsulent (employed
 * for their user experience: takes part in paid working time, docs/domain.md).
 */
export const APPOINTMENT_ROLES = [
  'member',
  'leader',
  'deputy',
  'experience-consultant',
  'user-representative',
  'next-of-kin-representative',
] as const;
export type AppointmentRole = (typeof APPOINTMENT_ROLES)[number];

/** The bodies a participant is appointed to: the forms with appointed members. */
export const APPOINTED_FORMS = ['user-council', 'user-panel', 'user-group'] as const;
export type AppointedForm = (typeof APPOINTED_FORMS)[number];

/** What kind of body proposed an appointment (forslag): brukerutvalg, brukergruppe, brukerorganisasjon, annet. */
export const NOMINATING_BODY_KINDS = ['user-council', 'user-group', 'user-organisation', 'other'] as const;
export type NominatingBodyKind = (typeof NOMINATING_BODY_KINDS)[number];

/** Levels where staff need a recorded exception to represent users at their own workplace. */
export const OWN_WORKPLACE_RULE_LEVELS: readonly ParticipationLevel[] = ['service', 'system'];

/** Whether a gathering (brukersamling) pays honorarium and expenses: decided per gathering. */
export const HONORARIUM_DECISIONS = ['paid', 'unpaid'] as const;
export type HonorariumDecision = (typeof HONORARIUM_DECISIONS)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
