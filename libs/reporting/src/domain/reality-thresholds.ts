/**
 * When an indicator of real participation counts as met (docs/domain.md, "Evidence
 * that participation was real"). Settings; these are the defaults.
 */
export interface RealityThresholds {
  /** Invitation and documents sent at least this many days before the involvement. */
  invitationDays: number;
  /** Feedback (tilbakemelding) to the participant within this many days after it. */
  feedbackDays: number;
  /** The project has at least this many appointed user representatives ("not alone"). */
  minRepresentatives: number;
  /**
   * An indicator is a reason for `symbolic-risk` when fewer than this share of
   * the involvements it could be judged on meet it. docs/domain.md sets no figure;
   * half is our default (docs/adr/0008).
   */
  minShare: number;
}

export const DEFAULT_REALITY_THRESHOLDS: Readonly<RealityThresholds> = Object.freeze({
  invitationDays: 7,
  feedbackDays: 30,
  minRepresentatives: 2,
  minShare: 0.5,
});
