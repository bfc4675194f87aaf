/**
 * The closed vocabularies the honorarium rules speak about. The codes mirror the
 * participation context's (same strings, same HTTP contract) but are declared
 * here because a domain imports nothing but itself and the shared kernel.
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

/**
 * `absent`: the participant did not come; `cancelled`: the organiser cancelled
 * the meeting. Neither pays honorarium; what they cover of expenses differs.
 */
export const ATTENDANCES = ['in-person', 'remote', 'absent', 'cancelled'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/** Attendances where the participant took no part, so no meeting hours are needed and no honorarium is paid. */
export const NOT_ATTENDED = ['absent', 'cancelled'] as const;
export type NotAttended = (typeof NOT_ATTENDED)[number];

/**
 * Interviews, conversations and dialogues: one-off talks, not a seat on a
 * board or council, so never paid as a verv fee (styrehonorar … verv).
 */
export const CONVERSATION_FORMS: readonly InvolvementForm[] = [
  'user-interview',
  'user-conversation',
  'dialogue',
];

/**
 * Appointment (oppnevning) roles; `experience-consultant` is erfaringskonsulent,
 * `user-representative` brukerrepresentant, `next-of-kin-representative`
 * pårørenderepresentant.
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

/** Whether a gathering (brukersamling) pays honorarium and expenses: decided per gathering. */
export const HONORARIUM_DECISIONS = ['paid', 'unpaid'] as const;
export type HonorariumDecision = (typeof HONORARIUM_DECISIONS)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Fails compilation when a switch over a union misses a member. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value ${JSON.stringify(value)}`);
}
