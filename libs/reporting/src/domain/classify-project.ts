import {
  assessInvolvement,
  INDICATORS,
  type DocumentedIndicator,
  type FeedbackFinding,
  type Indicator,
  type InvolvementAssessment,
} from './involvement-indicators';
import {
  assessInvolvedEarly,
  undocumentedMeetings,
  withMeetingEvidence,
  type InvolvedEarly,
  type MeetingFacts,
  type MilestoneFact,
} from './meeting-facts';
import { countsAsParticipation, type InvolvementFacts } from './participation-facts';
import type { RealityThresholds } from './reality-thresholds';

export const REALITY_REASONS = [
  'no-involvements',
  'not-documented',
  'late-invitations',
  'not-attended',
  'not-heard',
  'no-feedback',
  'no-influence',
  'too-few-representatives',
  'not-involved-early',
] as const;
export type RealityReason = (typeof REALITY_REASONS)[number];

export interface ReasonExplanation {
  reason: RealityReason;
  message: string;
  /** The involvements that failed the indicator (empty for project-wide reasons). */
  involvementIds: string[];
}

export interface ProjectReality {
  /** `symbolic-risk` (skyggemedvirkning) whenever there is at least one reason. */
  classification: 'real' | 'symbolic-risk';
  reasons: RealityReason[];
  explanations: ReasonExplanation[];
  /**
   * The fewest members and leaders appointed on the day of a meeting of a form
   * with appointed members; null when the project held no such meeting.
   */
  appointedRepresentatives: number | null;
  involvements: Array<{ involvementId: string } & InvolvementAssessment>;
  excluded: { voided: number; notParticipation: number };
  /** Whether users were involved before the project's decisions (E8). */
  involvedEarly: InvolvedEarly;
}

const REASON_OF: Record<Indicator, { reason: RealityReason; failed: (t: RealityThresholds) => string }> = {
  invitedInGoodTime: {
    reason: 'late-invitations',
    failed: (t) => `not invited with documents at least ${t.invitationDays} days before`,
  },
  attended: {
    reason: 'not-attended',
    failed: () => 'logged as absent or cancelled, or the participant disputes having attended',
  },
  heard: { reason: 'not-heard', failed: () => 'without recorded input from the participant' },
  toldBack: {
    reason: 'no-feedback',
    failed: (t) => `without feedback to the participant given and recorded within ${t.feedbackDays} days`,
  },
  influence: {
    reason: 'no-influence',
    failed: () => 'without a decision that references the input',
  },
};

/**
 * Real or symbolic participation in a project (docs/domain.md; the rule in words
 * is in the reporting README). Missing invitation or attendance
 * records make the project `not-documented`. Each indicator is judged on the
 * counted involvements where it can be judged (non-null); it is a reason when
 * fewer than `minShare` of them meet it. A meeting of a council, panel or
 * group with fewer than `minRepresentatives` members and leaders appointed on
 * its day is a reason of its own.
 */
export function classifyProject(input: {
  involvements: readonly InvolvementFacts[];
  appointments: readonly AppointmentFact[];
  thresholds: RealityThresholds;
  today: string;
  /** The project's meetings: their invitation and feedback count for every involvement in them. */
  meetings?: readonly MeetingFacts[];
  milestones?: readonly MilestoneFact[];
}): ProjectReality {
  const { thresholds } = input;
  const meetings = input.meetings ?? [];
  const involvements = withMeetingEvidence(input.involvements, meetings);
  const counted = involvements.filter(countsAsParticipation);
  const scored = counted.map((facts) => ({
    involvementId: facts.involvementId,
    ...assessInvolvement(facts, thresholds, input.today),
  }));
  const explanations: ReasonExplanation[] = [];
  if (scored.length === 0)
    explanations.push({
      reason: 'no-involvements',
      message: 'no involvement that counts as participation is recorded',
      involvementIds: [],
    });
  const undocumented = scored.filter((s) => s.notDocumented.length > 0);
  const emptyMeetings = undocumentedMeetings(
    meetings,
    new Set(counted.map((i) => i.involvementId)),
    input.today,
  );
  if (undocumented.length > 0 || emptyMeetings.length > 0) {
    const without = (indicator: DocumentedIndicator) =>
      undocumented.filter((s) => s.notDocumented.includes(indicator)).length;
    const parts = [
      undocumented.length > 0
        ? `${undocumented.length} of ${scored.length} involvements lack records: ${without('invitedInGoodTime')} without an invitation, ${without('attended')} without attendance`
        : null,
      emptyMeetings.length > 0
        ? `${emptyMeetings.length} meetings held without any involvement recorded: ${emptyMeetings.map((m) => `${m.heldOn} ${m.form}`).join(', ')}`
        : null,
    ].filter((p): p is string => p !== null);
    explanations.push({
      reason: 'not-documented',
      message: parts.join('; '),
      involvementIds: undocumented.map((s) => s.involvementId),
    });
  }
  for (const indicator of INDICATORS) {
    const judged = scored.filter((s) => s.indicators[indicator] !== null);
    const failed = judged.filter((s) => s.indicators[indicator] === false);
    if (judged.length === 0 || (judged.length - failed.length) / judged.length >= thresholds.minShare)
      continue;
    const { reason, failed: why } = REASON_OF[indicator];
    explanations.push({
      reason,
      message: `${failed.length} of ${judged.length} involvements ${why(thresholds)}${indicator === 'toldBack' ? feedbackDetail(failed) : ''}`,
      involvementIds: failed.map((s) => s.involvementId),
    });
  }
  const seated = seatedOnMeetingDays(counted, input.appointments);
  const short = seated.filter((m) => m.representatives < thresholds.minRepresentatives);
  if (short.length > 0)
    explanations.push({
      reason: 'too-few-representatives',
      message: `${short.length} of ${seated.length} meetings with fewer than ${thresholds.minRepresentatives} appointed members and leaders: ${short.map((m) => `${m.day} (${m.representatives})`).join(', ')}`,
      involvementIds: counted
        .filter((i) => short.some((m) => m.day === i.occurredOn && m.form === i.form))
        .map((i) => i.involvementId),
    });
  const involvedEarly = assessInvolvedEarly(counted, meetings, input.milestones ?? []);
  if (involvedEarly.early === false) {
    const milestone = involvedEarly.firstMilestoneAfterMandate!;
    explanations.push({
      reason: 'not-involved-early',
      message: `the first meeting with users (${involvedEarly.firstMeetingWithUsers ?? 'none'}) does not come before the first milestone after the mandate (${milestone.kind} on ${milestone.on})`,
      involvementIds: [],
    });
  }
  return {
    classification: explanations.length > 0 ? 'symbolic-risk' : 'real',
    reasons: explanations.map((e) => e.reason),
    explanations,
    appointedRepresentatives: seated.length === 0 ? null : Math.min(...seated.map((m) => m.representatives)),
    involvements: scored,
    excluded: {
      voided: involvements.filter((i) => i.status === 'voided').length,
      notParticipation: involvements.filter((i) => i.status === 'logged' && !i.countsAsParticipation).length,
    },
    involvedEarly,
  };
}

/** How many of the failed involvements had feedback that did not count, and why. */
function feedbackDetail(failed: ReadonlyArray<{ findings: FeedbackFinding[] }>): string {
  const count = (finding: FeedbackFinding) => failed.filter((s) => s.findings.includes(finding)).length;
  const parts = [
    [count('feedback-late'), 'given or recorded after the window (feedback-late)'],
    [count('feedback-before-meeting'), 'dated before the meeting (feedback-before-meeting)'],
  ].filter(([n]) => Number(n) > 0);
  return parts.length === 0 ? '' : ` (${parts.map(([n, why]) => `${n} ${why}`).join('; ')})`;
}

/** An appointment as the "not alone" rule needs it (YYYY-MM-DD days, both ends inclusive). */
export interface AppointmentFact {
  participantId: string;
  role: string;
  from: string;
  to: string | null;
  endedOn: string | null;
}

/** Forms whose members are appointed (council, panel, group): only their meetings can lack representatives. */
export const FORMS_WITH_APPOINTED_MEMBERS: readonly string[] = ['user-council', 'user-panel', 'user-group'];

/**
 * Who holds a seat: members, leaders and the user and next-of-kin
 * representatives (brukerrepresentant, pårørenderepresentant: docs/adr/0027);
 * a deputy stands in and an experience consultant is staff (erfaringskonsulent).
 */
const SEATED_ROLES: readonly string[] = [
  'member',
  'leader',
  'user-representative',
  'next-of-kin-representative',
];

const activeOn = (a: AppointmentFact, day: string) =>
  a.from <= day && (a.to === null || day <= a.to) && (a.endedOn === null || day <= a.endedOn);

/** Distinct members and leaders appointed to the project on `day`. */
export function representativesOn(appointments: readonly AppointmentFact[], day: string): number {
  return new Set(
    appointments.filter((a) => SEATED_ROLES.includes(a.role) && activeOn(a, day)).map((a) => a.participantId),
  ).size;
}

/** Each meeting (day and form) of a form with appointed members, with the representatives seated that day. */
function seatedOnMeetingDays(
  counted: readonly InvolvementFacts[],
  appointments: readonly AppointmentFact[],
): Array<{ day: string; form: string; representatives: number }> {
  const meetings = new Map<string, { day: string; form: string }>();
  for (const i of counted)
    if (FORMS_WITH_APPOINTED_MEMBERS.includes(i.form))
      meetings.set(`${i.occurredOn}|${i.form}`, { day: i.occurredOn, form: i.form });
  return [...meetings.values()]
    .sort((a, b) => (a.day + a.form).localeCompare(b.day + b.form))
    .map((m) => ({ ...m, representatives: representativesOn(appointments, m.day) }));
}
