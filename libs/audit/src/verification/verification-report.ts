/** One event (or, with nulls, the log as a whole) that failed verification, and why. */
export interface VerificationFailure {
  position: number | null;
  streamId: string | null;
  version: number | null;
  reason: string;
}

export interface VerificationReport {
  verified: boolean;
  /** How many events the store holds (all were rehashed). */
  events: number;
  /** The checkpoint the tree was checked against, null when none was signed yet. */
  checkpoint: { origin: string; treeSize: number; rootHash: string; signedAt: string } | null;
  failures: VerificationFailure[];
}
