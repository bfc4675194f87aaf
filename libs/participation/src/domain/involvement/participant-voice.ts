import { PersonalText } from '../common';

/**
 * What a dispute is about. `attendance` counts against "attended" in the
 * reality indicators; every dispute holds the involvement's amount back from
 * payout drafts until the lead corrects it or the participant confirms.
 */
export const DISPUTE_CONCERNS = ['attendance', 'hours', 'expenses', 'form', 'other'] as const;
export type DisputeConcern = (typeof DISPUTE_CONCERNS)[number];

/**
 * The participant's own word on what was logged about them (docs/adr/0028).
 * `correctedSince`: the lead corrected the involvement after it, so it speaks
 * of an earlier version; a corrected dispute no longer holds anything back.
 */
export type ParticipantResponse =
  | { confirmed: true; correctedSince: boolean }
  | { confirmed: false; concerns: DisputeConcern[]; reason: PersonalText; correctedSince: boolean };

/** The participant's own waiver of the honorarium (expenses are still covered). */
export type HonorariumWaiver = { reason: PersonalText };

/** What the participant has said about an involvement: nothing, until they speak. */
export type ParticipantVoice = {
  participantResponse: ParticipantResponse | null;
  waiver: HonorariumWaiver | null;
  /** Ids of the feedback evidence the participant acknowledged having received. */
  acknowledgedFeedback: readonly string[];
};

export const silentParticipant = (): ParticipantVoice => ({
  participantResponse: null,
  waiver: null,
  acknowledgedFeedback: [],
});

/**
 * The dispute that holds the involvement's amount back from payout drafts:
 * open (not followed by a correction or a confirmation). The draft's filter
 * (`disputed_involvements`) keeps exactly these.
 */
export function holdsBackPayout(voice: Pick<ParticipantVoice, 'participantResponse'>): boolean {
  const response = voice.participantResponse;
  return response !== null && !response.confirmed && !response.correctedSince;
}
