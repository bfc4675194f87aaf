import {
  INDICATORS,
  scoreInvolvement,
  type Indicator,
  type InvolvementIndicators,
} from './involvement-indicators';
import { countsAsParticipation, type InvolvementFacts } from './participation-facts';
import type { RealityThresholds } from './reality-thresholds';

export const REALITY_REASONS = [
  'no-involvements',
  'late-invitations',
  'not-attended',
  'not-heard',
  'no-feedback',
  'no-influence',
  'too-few-representatives',
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
  /** Distinct participants appointed as user representatives (not experience consultants). */
  appointedRepresentatives: number;
  involvements: Array<{ involvementId: string; indicators: InvolvementIndicators }>;
  excluded: { voided: number; notParticipation: number };
}

const REASON_OF: Record<Indicator, { reason: RealityReason; failed: (t: RealityThresholds) => string }> = {
  invitedInGoodTime: {
    reason: 'late-invitations',
    failed: (t) => `not invited with documents at least ${t.invitationDays} days before`,
  },
  attended: { reason: 'not-attended', failed: () => 'logged as absent' },
  heard: { reason: 'not-heard', failed: () => 'without recorded input from the participant' },
  toldBack: {
    reason: 'no-feedback',
    failed: (t) => `without feedback to the participant within ${t.feedbackDays} days`,
  },
  influence: {
    reason: 'no-influence',
    failed: () => 'without a decision that references the input',
  },
};

/**
 * Real or symbolic participation in a project (docs/domain.md). Each indicator is
 * judged on the counted involvements where it can be judged (non-null); it is
 * a reason when fewer than `minShare` of them meet it. Fewer appointed user
 * representatives than `minRepresentatives` is a reason of its own.
 */
export function classifyProject(input: {
  involvements: readonly InvolvementFacts[];
  appointedRepresentatives: number;
  thresholds: RealityThresholds;
  today: string;
}): ProjectReality {
  const { thresholds } = input;
  const counted = input.involvements.filter(countsAsParticipation);
  const scored = counted.map((facts) => ({
    involvementId: facts.involvementId,
    indicators: scoreInvolvement(facts, thresholds, input.today),
  }));
  const explanations: ReasonExplanation[] = [];
  if (scored.length === 0)
    explanations.push({
      reason: 'no-involvements',
      message: 'no involvement that counts as participation is recorded',
      involvementIds: [],
    });
  for (const indicator of INDICATORS) {
    const judged = scored.filter((s) => s.indicators[indicator] !== null);
    const failed = judged.filter((s) => s.indicators[indicator] === false);
    if (judged.length === 0 || (judged.length - failed.length) / judged.length >= thresholds.minShare)
      continue;
    const { reason, failed: why } = REASON_OF[indicator];
    explanations.push({
      reason,
      message: `${failed.length} of ${judged.length} involvements ${why(thresholds)}`,
      involvementIds: failed.map((s) => s.involvementId),
    });
  }
  if (input.appointedRepresentatives < thresholds.minRepresentatives)
    explanations.push({
      reason: 'too-few-representatives',
      message: `${input.appointedRepresentatives} appointed user representatives; at least ${thresholds.minRepresentatives} are needed`,
      involvementIds: [],
    });
  return {
    classification: explanations.length > 0 ? 'symbolic-risk' : 'real',
    reasons: explanations.map((e) => e.reason),
    explanations,
    appointedRepresentatives: input.appointedRepresentatives,
    involvements: scored,
    excluded: {
      voided: input.involvements.filter((i) => i.status === 'voided').length,
      notParticipation: input.involvements.filter((i) => i.status === 'logged' && !i.countsAsParticipation)
        .length,
    },
  };
}

/** Roles that make someone a user representative; an experience consultant is staff (erfaringskonsulent). */
const REPRESENTATIVE_ROLES = ['member', 'leader', 'deputy'];

export function countAppointedRepresentatives(
  appointments: ReadonlyArray<{ participantId: string; role: string }>,
): number {
  return new Set(
    appointments.filter((a) => REPRESENTATIVE_ROLES.includes(a.role)).map((a) => a.participantId),
  ).size;
}
