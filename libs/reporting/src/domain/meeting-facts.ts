import { osloDate } from './oslo-days';
import type { EvidenceFact, InvolvementFacts } from './participation-facts';

/** When something about a meeting happened (as claimed) and when the log recorded it. */
export interface MeetingEvidenceTime {
  at: string;
  recordedAt: string;
}

/** A meeting as the reporting read model holds it: times only, no text. */
export interface MeetingFacts {
  meetingId: string;
  projectId: string;
  form: string;
  /** YYYY-MM-DD, the day in Norway. */
  heldOn: string;
  cancelled: boolean;
  evidence: {
    invitation?: MeetingEvidenceTime;
    documents?: MeetingEvidenceTime;
    feedback?: MeetingEvidenceTime;
  };
  /** The involvements that name this meeting. */
  involvementIds: readonly string[];
}

/** A decision milestone of a project. */
export interface MilestoneFact {
  /** mandate-set, options-chosen or decision-taken. */
  kind: string;
  /** ISO instant. */
  at: string;
}

/**
 * Evidence given once per meeting (invitation with its documents, feedback)
 * counts for every involvement in it, exactly as if recorded on each: with
 * the time it happened and the time the log recorded it.
 */
export function withMeetingEvidence(
  involvements: readonly InvolvementFacts[],
  meetings: readonly MeetingFacts[],
): InvolvementFacts[] {
  const meetingOf = new Map<string, MeetingFacts>();
  for (const m of meetings) for (const id of m.involvementIds) meetingOf.set(id, m);
  return involvements.map((i) => {
    const meeting = meetingOf.get(i.involvementId);
    if (!meeting) return i;
    const given = meetingEvidence(meeting);
    return given.length === 0 ? i : { ...i, evidence: [...i.evidence, ...given] };
  });
}

function meetingEvidence({ evidence }: MeetingFacts): EvidenceFact[] {
  const facts: EvidenceFact[] = [];
  if (evidence.invitation)
    facts.push({
      kind: 'invitation',
      at: evidence.invitation.at,
      recordedAt: evidence.invitation.recordedAt,
      documentsSharedAt: evidence.documents?.at ?? null,
    });
  if (evidence.feedback)
    facts.push({ kind: 'feedback', at: evidence.feedback.at, recordedAt: evidence.feedback.recordedAt });
  return facts;
}

/** Attendances where the participant was not there. */
const NOT_PRESENT: readonly string[] = ['absent', 'cancelled'];

/** "Involved early" (E8): judged only once a decision milestone after the mandate is recorded. */
export interface InvolvedEarly {
  /** Null while no milestone after the mandate is recorded: nothing to be early for yet. */
  early: boolean | null;
  /** The first day users took part (a counted involvement, present, not in a cancelled meeting). */
  firstMeetingWithUsers: string | null;
  /** The first options-chosen or decision-taken milestone on or after the mandate, as a day in Norway. */
  firstMilestoneAfterMandate: { kind: string; on: string } | null;
}

/**
 * Participation is early when the first meeting with users comes before the
 * first decision milestone after the mandate (mandate-set; without one, the
 * first decision milestone at all). Days in Norway; a meeting on the day of
 * the milestone is not before it.
 */
export function assessInvolvedEarly(
  counted: readonly InvolvementFacts[],
  meetings: readonly MeetingFacts[],
  milestones: readonly MilestoneFact[],
): InvolvedEarly {
  const cancelled = new Set(meetings.filter((m) => m.cancelled).flatMap((m) => m.involvementIds));
  const days = counted
    .filter((i) => !NOT_PRESENT.includes(i.attendance) && !cancelled.has(i.involvementId))
    .map((i) => i.occurredOn)
    .sort();
  const firstMeetingWithUsers = days[0] ?? null;
  const dated = milestones.map((m) => ({ kind: m.kind, on: osloDate(m.at) }));
  const mandate = dated
    .filter((m) => m.kind === 'mandate-set')
    .map((m) => m.on)
    .sort()[0];
  const after = dated
    .filter((m) => m.kind !== 'mandate-set' && (mandate === undefined || m.on >= mandate))
    .sort((a, b) => a.on.localeCompare(b.on));
  const first = after[0] ?? null;
  if (first === null) return { early: null, firstMeetingWithUsers, firstMilestoneAfterMandate: null };
  return {
    early: firstMeetingWithUsers !== null && firstMeetingWithUsers < first.on,
    firstMeetingWithUsers,
    firstMilestoneAfterMandate: first,
  };
}

/**
 * Meetings held by `today`, not cancelled, where no counted involvement is
 * recorded: who took part, and how, is not documented.
 */
export function undocumentedMeetings(
  meetings: readonly MeetingFacts[],
  countedIds: ReadonlySet<string>,
  today: string,
): MeetingFacts[] {
  return meetings.filter(
    (m) => !m.cancelled && m.heldOn <= today && !m.involvementIds.some((id) => countedIds.has(id)),
  );
}

/** Meetings of a year by form and level, cancelled ones apart; person-meetings are the involvements in them. */
export interface MeetingCounts {
  total: number;
  byLevel: Record<string, number>;
  byForm: Record<string, number>;
  /** Involvements in the counted meetings where the participant was there (not voided, not peer support). */
  personMeetings: number;
  /** Cancelled meetings of the year: left out of every count above. */
  cancelled: number;
}
