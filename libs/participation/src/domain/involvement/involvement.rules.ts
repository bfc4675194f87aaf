import { PRICING_BOUNDS } from '@app/shared-kernel';
import {
  AppointmentRole,
  FORMS_NEEDING_APPOINTMENT,
  IsoDate,
  NOT_ATTENDED,
  NOT_PARTICIPATION,
  isAfterDate,
  refuse,
} from '../common';
import { AppointmentTerm, isActiveOn } from '../appointment/appointment.state';
import { OtherInvolvementHours } from './involvement.commands';
import { AppointmentRef, Classification, Hours, InvolvementDetails } from './involvement.details';

const MAX_HOURS = PRICING_BOUNDS.hoursPerKind;

/** Forms the sources say "skal honoreres": only the participant's own waiver stops the honorarium. */
const ALWAYS_PAID_FORMS: readonly string[] = ['user-council', 'user-panel'];

/** A Record, so adding a role fails compilation until it is placed. */
const ROLE_PRECEDENCE: Record<AppointmentRole, number> = {
  leader: 0,
  deputy: 1,
  member: 2,
  'user-representative': 3,
  'next-of-kin-representative': 4,
  // Last: their own representative capacity, if they also have one that day, is what pays (docs/domain.md).
  'experience-consultant': 5,
};

/**
 * The rules every involvement obeys, checked on the whole of it: when logged,
 * and again after each correction, so no sequence of corrections can reach
 * what logging would refuse.
 */
export function enforceInvolvementRules(
  details: InvolvementDetails,
  today: IsoDate,
  appointment: AppointmentRef | null,
  /** The involvement is in a user gathering meeting, whose decisions pay it. */
  decisionsOnMeeting = false,
): void {
  if (isAfterDate(details.occurredOn, today)) {
    throw refuse('involvement-in-future', `occurredOn ${details.occurredOn} is after today ${today}`);
  }
  for (const key of Object.keys(details.hours) as (keyof Hours)[]) {
    const value = details.hours[key];
    if (value < 0 || value > MAX_HOURS)
      throw refuse(
        'hours-out-of-range',
        `hours.${key} is ${value}; each kind of hours is from 0 to ${MAX_HOURS}`,
      );
  }
  if (!NOT_ATTENDED.includes(details.attendance) && details.hours.meeting <= 0) {
    throw refuse(
      'meeting-hours-required',
      `attendance ${details.attendance} with hours.meeting ${details.hours.meeting}`,
    );
  }
  if (FORMS_NEEDING_APPOINTMENT.includes(details.form) && appointment === null) {
    throw refuse(
      'appointment-required',
      `no appointment active on ${details.occurredOn} for this ${details.form}`,
    );
  }
  if (decisionsOnMeeting && details.honorariumDecision !== null) {
    throw refuse(
      'gathering-decisions-on-meeting',
      `honorariumDecision '${details.honorariumDecision}' given for an involvement in a gathering meeting`,
    );
  }
  if (details.form === 'user-gathering' && details.honorariumDecision === null && !decisionsOnMeeting) {
    throw refuse('honorarium-decision-required', `honorariumDecision must be 'paid' or 'unpaid'`);
  }
  if (ALWAYS_PAID_FORMS.includes(details.form) && details.honorariumDecision === 'unpaid') {
    throw refuse(
      'council-and-panel-always-paid',
      `honorariumDecision 'unpaid' cannot apply to ${details.form}`,
    );
  }
  if (details.form === 'peer-support' && details.honorariumDecision === 'paid') {
    throw refuse('peer-support-never-paid', `honorariumDecision 'paid' cannot apply to peer-support`);
  }
}

/** Hours are decimals (2.67): the day's sum is judged in millionths, so 30 × 0.8 h is 24 h, not a hair more. */
const MICRO = 1_000_000;
const hoursOf = (h: Hours): number => h.meeting + h.preparation + h.travel;
const shown = (hours: number): number => Math.round(hours * 100) / 100;

/**
 * One person's day holds at most 24 hours: this involvement's hours of every
 * kind, plus those of the person's other active involvements that day.
 */
export function enforceDayTotal(
  details: InvolvementDetails,
  otherInvolvementsByDay: Readonly<Record<IsoDate, readonly OtherInvolvementHours[]>>,
): void {
  const others = (otherInvolvementsByDay[details.occurredOn] ?? []).reduce(
    (sum, other) => sum + hoursOf(other.hours),
    0,
  );
  const own = hoursOf(details.hours);
  if (Math.round((own + others) * MICRO) > MAX_HOURS * MICRO)
    throw refuse(
      'day-hours-exceeded',
      `on ${details.occurredOn} this involvement has ${shown(own)} h and the person’s other involvements ${shown(others)} h`,
    );
}

/**
 * The appointment the involvement falls under: one of this participant to this
 * project, active on the day. When several are, the role with the highest
 * rate wins (leader before deputy, member, experience consultant), then the
 * most recent start, so the choice is the same on every replay.
 */
export function appointmentOn(
  terms: readonly AppointmentTerm[],
  ids: { projectId: string; participantId: string },
  day: IsoDate,
): AppointmentRef | null {
  const active = terms
    .filter(
      (t) => t.projectId === ids.projectId && t.participantId === ids.participantId && isActiveOn(t, day),
    )
    .sort(
      (a, b) =>
        ROLE_PRECEDENCE[a.role] - ROLE_PRECEDENCE[b.role] || (a.from < b.from ? 1 : a.from > b.from ? -1 : 0),
    );
  return active.length > 0 ? { appointmentId: active[0].appointmentId, role: active[0].role } : null;
}

export function classify(details: InvolvementDetails, appointment: AppointmentRef | null): Classification {
  const countsAsParticipation = !NOT_PARTICIPATION.includes(details.form);
  return {
    appointment,
    countsAsParticipation,
    payable: countsAsParticipation && details.honorariumDecision !== 'unpaid',
  };
}
