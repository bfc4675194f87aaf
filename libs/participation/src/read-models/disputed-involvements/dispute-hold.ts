import type { DisputeConcern } from '../../domain';

/** An open dispute: the involvement's amount is held back from payout drafts. */
export interface DisputeHold {
  involvementId: string;
  participantId: string;
  concerns: DisputeConcern[];
  /** When the log recorded the dispute (ISO instant). */
  disputedAt: string;
}

/** Why a draft left an involvement out: the reason code the draft response names. */
export const HELD_BACK_REASON = 'disputed-by-participant' as const;

/**
 * How one event moves the set of open disputes, for the projection and for
 * a reader that applies the events after the projection's checkpoint:
 * a dispute opens (or replaces) a hold; a confirmation by the participant, a
 * correction by the lead or a void ends it; other events leave it.
 * Mirrors `holdsBackPayout` of the involvement's state.
 */
export function disputeHoldChange(event: {
  type: string;
  data: Record<string, unknown>;
  recordedAt: string;
}): { involvementId: string; hold: DisputeHold | null } | null {
  const involvementId = event.data.involvementId as string;
  switch (event.type) {
    case 'ParticipantDisputedInvolvement':
      return {
        involvementId,
        hold: {
          involvementId,
          participantId: event.data.participantId as string,
          concerns: event.data.concerns as DisputeConcern[],
          disputedAt: event.recordedAt,
        },
      };
    case 'ParticipantConfirmedInvolvement':
    case 'InvolvementCorrected':
    case 'InvolvementVoided':
      return { involvementId, hold: null };
    default:
      return null;
  }
}

export const DISPUTE_HOLD_EVENT_TYPES = [
  'ParticipantDisputedInvolvement',
  'ParticipantConfirmedInvolvement',
  'InvolvementCorrected',
  'InvolvementVoided',
] as const;
