/** Evidence as the reality indicators need it: kind and times, no free text. */
export interface EvidenceFact {
  kind: string;
  /** ISO instant the evidence happened (invitation sent, feedback given …), as the lead claims it. */
  at: string;
  /** ISO instant the log recorded it: what back-dating cannot move. */
  recordedAt: string;
  /** Invitation only: when the documents went out, when later than the invitation itself. */
  documentsSharedAt?: string | null;
  /** Influence only: adopted, partly-adopted, not-adopted. */
  outcome?: string | null;
  /** `participant-dispute` only: what the participant disputes (attendance, hours, expenses, form, other). */
  concerns?: readonly string[] | null;
}

/**
 * What the participant themselves recorded (docs/adr/0028), kept among the
 * evidence facts with the time the log recorded it: their confirmation or
 * dispute of what was logged, and their acknowledgement of feedback.
 */
export const PARTICIPANT_EVIDENCE_KINDS = [
  'participant-confirmation',
  'participant-dispute',
  'feedback-acknowledgement',
] as const;

export interface HoursFact {
  meeting: number;
  preparation: number;
  travel: number;
}

/** One involvement as the reporting read model holds it. */
export interface InvolvementFacts {
  involvementId: string;
  projectId: string;
  participantId: string;
  form: string;
  /** The day it took place in Norway, YYYY-MM-DD. */
  occurredOn: string;
  attendance: string;
  hours: HoursFact;
  status: 'logged' | 'voided';
  /** False for peer support (likemannsarbeid), which never counts as participation. */
  countsAsParticipation: boolean;
  evidence: readonly EvidenceFact[];
}

/** Voided involvements and peer support are kept in the log but never counted. */
export function countsAsParticipation(
  i: Pick<InvolvementFacts, 'status' | 'countsAsParticipation'>,
): boolean {
  return i.status === 'logged' && i.countsAsParticipation;
}
