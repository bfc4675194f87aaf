import { daysBetween, osloDate } from './oslo-days';
import type { EvidenceFact, InvolvementFacts } from './participation-facts';
import type { RealityThresholds } from './reality-thresholds';

/**
 * The indicators of one involvement. Missing evidence is never neutral:
 * `null` for the invitation and the attendance means no record of it
 * (`notDocumented` names them), and counts against the project. `toldBack` is
 * `null` only while the feedback window is still open without feedback.
 */
export interface InvolvementIndicators {
  /** Invitation and documents sent at least `invitationDays` before; null when no invitation is recorded. */
  invitedInGoodTime: boolean | null;
  /**
   * Confirmed by the participant or an attendance list; false when logged
   * absent or cancelled, or the participant disputes having attended; null when not recorded.
   */
  attended: boolean | null;
  /** The participant's input is recorded (an influence decision references input, so it counts too). */
  heard: boolean;
  /** Timely feedback recorded within `feedbackDays`; null while that window is still open without it. */
  toldBack: boolean | null;
  /** A decision references the input: adopted, partly adopted, or not adopted with a reason. */
  influence: boolean;
}

export const INDICATORS = ['invitedInGoodTime', 'attended', 'heard', 'toldBack', 'influence'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** Indicators judged on a record of their own: without one the involvement is `not-documented` for them. */
export const DOCUMENTED_INDICATORS = ['invitedInGoodTime', 'attended'] as const;
export type DocumentedIndicator = (typeof DOCUMENTED_INDICATORS)[number];

/**
 * Why recorded feedback did not count as timely: dated before the meeting, or
 * dated or recorded after the feedback window (back-dating does not help).
 */
export const FEEDBACK_FINDINGS = ['feedback-before-meeting', 'feedback-late'] as const;
export type FeedbackFinding = (typeof FEEDBACK_FINDINGS)[number];

/**
 * What "attended" rests on, strongest first: the participant's own word (their
 * latest confirmation or dispute about attendance), then the lead's record.
 */
export type AttendanceEvidence =
  | 'confirmed-by-participant'
  | 'disputed-by-participant'
  | 'logged-absent'
  | 'attendance-record'
  | 'not-documented';

export interface InvolvementAssessment {
  indicators: InvolvementIndicators;
  attendanceEvidence: AttendanceEvidence;
  /** The participant acknowledged a feedback recorded on the involvement: the strongest evidence it reached them. */
  feedbackAcknowledged: boolean;
  /** The indicators with nothing recorded to judge them by. */
  notDocumented: DocumentedIndicator[];
  /** One per recorded feedback that did not count, in the order recorded. */
  findings: FeedbackFinding[];
}

const ofKind = (facts: InvolvementFacts, kind: string): EvidenceFact[] =>
  facts.evidence.filter((e) => e.kind === kind);

/** `today`: the assessment day in Norway (YYYY-MM-DD). */
export function scoreInvolvement(
  facts: InvolvementFacts,
  thresholds: RealityThresholds,
  today: string,
): InvolvementIndicators {
  return assessInvolvement(facts, thresholds, today).indicators;
}

export function assessInvolvement(
  facts: InvolvementFacts,
  thresholds: RealityThresholds,
  today: string,
): InvolvementAssessment {
  const feedback = ofKind(facts, 'feedback').map((e) => feedbackFinding(e, facts, thresholds));
  const attendanceEvidence = attendanceEvidenceOf(facts);
  const indicators: InvolvementIndicators = {
    invitedInGoodTime: invitedInGoodTime(facts, thresholds),
    attended: ATTENDED[attendanceEvidence],
    heard: ofKind(facts, 'input').length > 0 || ofKind(facts, 'influence').length > 0,
    toldBack: feedback.includes(null)
      ? true
      : daysBetween(facts.occurredOn, today) <= thresholds.feedbackDays
        ? null
        : false,
    influence: ofKind(facts, 'influence').length > 0,
  };
  return {
    indicators,
    attendanceEvidence,
    feedbackAcknowledged: ofKind(facts, 'feedback-acknowledgement').length > 0,
    notDocumented: DOCUMENTED_INDICATORS.filter((i) => indicators[i] === null),
    findings: feedback.filter((f): f is FeedbackFinding => f !== null),
  };
}

function invitedInGoodTime(facts: InvolvementFacts, thresholds: RealityThresholds): boolean | null {
  const invitations = ofKind(facts, 'invitation');
  if (invitations.length === 0) return null;
  // An invitation is complete when both it and its documents are out; the best one decides. Leads
  // often log afterwards: the time it happened counts, not when it was recorded.
  const leadDays = invitations.map((e) => {
    const sent = [e.at, e.documentsSharedAt ?? e.at].map((at) => osloDate(at)).sort()[1];
    return daysBetween(sent, facts.occurredOn);
  });
  return Math.max(...leadDays) >= thresholds.invitationDays;
}

const ATTENDED: Record<AttendanceEvidence, boolean | null> = {
  'confirmed-by-participant': true,
  'disputed-by-participant': false,
  'logged-absent': false,
  'attendance-record': true,
  'not-documented': null,
};

/**
 * Logged absent decides (nobody claims attendance then). Otherwise the
 * participant's latest word decides when there is one: a confirmation, or a
 * dispute that concerns attendance (a dispute about hours or expenses says
 * nothing against being there). Then an attendance record.
 */
export function attendanceEvidenceOf(facts: InvolvementFacts): AttendanceEvidence {
  if (facts.attendance === 'absent' || facts.attendance === 'cancelled') return 'logged-absent';
  const word = facts.evidence
    .filter(
      (e) =>
        e.kind === 'participant-confirmation' ||
        (e.kind === 'participant-dispute' && (e.concerns ?? []).includes('attendance')),
    )
    .at(-1);
  if (word)
    return word.kind === 'participant-confirmation' ? 'confirmed-by-participant' : 'disputed-by-participant';
  return ofKind(facts, 'attendance').length > 0 ? 'attendance-record' : 'not-documented';
}

/** Null when this feedback counts as timely: given on or after the meeting day, given and recorded in the window. */
function feedbackFinding(
  e: EvidenceFact,
  facts: InvolvementFacts,
  thresholds: RealityThresholds,
): FeedbackFinding | null {
  const given = osloDate(e.at);
  if (given < facts.occurredOn) return 'feedback-before-meeting';
  const latest = [given, osloDate(e.recordedAt)].sort()[1];
  return daysBetween(facts.occurredOn, latest) > thresholds.feedbackDays ? 'feedback-late' : null;
}
