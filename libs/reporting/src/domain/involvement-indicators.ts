import { daysBetween, osloDate } from './oslo-days';
import type { EvidenceFact, InvolvementFacts } from './participation-facts';
import type { RealityThresholds } from './reality-thresholds';

/**
 * The indicators of one involvement. `null` means "cannot be judged (yet)":
 * nothing recorded that says either way, or the feedback window is still open.
 */
export interface InvolvementIndicators {
  /** Invitation and documents sent at least `invitationDays` before; null when no invitation is recorded. */
  invitedInGoodTime: boolean | null;
  /** Confirmed by the participant or an attendance list; false when logged absent; null when unconfirmed. */
  attended: boolean | null;
  /** The participant's input is recorded (an influence decision references input, so it counts too). */
  heard: boolean;
  /** Feedback within `feedbackDays`; null while that window is still open without feedback. */
  toldBack: boolean | null;
  /** A decision references the input: adopted, partly adopted, or not adopted with a reason. */
  influence: boolean;
}

export const INDICATORS = ['invitedInGoodTime', 'attended', 'heard', 'toldBack', 'influence'] as const;
export type Indicator = (typeof INDICATORS)[number];

const ofKind = (facts: InvolvementFacts, kind: string): EvidenceFact[] =>
  facts.evidence.filter((e) => e.kind === kind);

/** `today`: the assessment day in Norway (YYYY-MM-DD). */
export function scoreInvolvement(
  facts: InvolvementFacts,
  thresholds: RealityThresholds,
  today: string,
): InvolvementIndicators {
  return {
    invitedInGoodTime: invitedInGoodTime(facts, thresholds),
    attended: attended(facts),
    heard: ofKind(facts, 'input').length > 0 || ofKind(facts, 'influence').length > 0,
    toldBack: toldBack(facts, thresholds, today),
    influence: ofKind(facts, 'influence').length > 0,
  };
}

function invitedInGoodTime(facts: InvolvementFacts, thresholds: RealityThresholds): boolean | null {
  const invitations = ofKind(facts, 'invitation');
  if (invitations.length === 0) return null;
  // An invitation is complete when both it and its documents are out; the best one decides.
  const leadDays = invitations.map((e) => {
    const sent = [e.at, e.documentsSharedAt ?? e.at].map((at) => osloDate(at)).sort()[1];
    return daysBetween(sent, facts.occurredOn);
  });
  return Math.max(...leadDays) >= thresholds.invitationDays;
}

function attended(facts: InvolvementFacts): boolean | null {
  if (facts.attendance === 'absent') return false;
  return ofKind(facts, 'attendance').length > 0 ? true : null;
}

function toldBack(facts: InvolvementFacts, thresholds: RealityThresholds, today: string): boolean | null {
  const inTime = ofKind(facts, 'feedback').some(
    (e) => daysBetween(facts.occurredOn, osloDate(e.at)) <= thresholds.feedbackDays,
  );
  if (inTime) return true;
  return daysBetween(facts.occurredOn, today) <= thresholds.feedbackDays ? null : false;
}
