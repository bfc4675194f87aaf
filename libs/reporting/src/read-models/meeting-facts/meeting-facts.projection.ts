import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import type { InvolvementEvent, MeetingEvent, ProjectEvent } from '@app/participation';

/** The events this projection reads: every meeting event, an involvement's logging (its meeting), milestones. */
type HandledEvent =
  | MeetingEvent
  | Extract<InvolvementEvent, { type: 'InvolvementLogged' }>
  | Extract<ProjectEvent, { type: 'MilestoneRecorded' }>;

/** The evidence a meeting gives all its involvements, by kind: when it happened and when the log recorded it. */
const EVIDENCE_KEY: Partial<Record<MeetingEvent['type'], string>> = {
  MeetingInvitationSent: 'invitation',
  MeetingDocumentsShared: 'documents',
  MeetingFeedbackGiven: 'feedback',
};

/**
 * MeetingFacts: meetings with the evidence given once for all their
 * involvements, which involvement belongs to which meeting, and the
 * project's decision milestones (tables reporting_meetings,
 * reporting_meeting_involvements, reporting_milestones). Times only, no text.
 */
export class MeetingFactsProjection implements Projection {
  readonly name = 'reporting-meeting-facts';
  readonly handles = [
    'MeetingRegistered',
    'MeetingInvitationSent',
    'MeetingDocumentsShared',
    'MeetingFeedbackGiven',
    'MeetingCancelled',
    'InvolvementLogged',
    'MilestoneRecorded',
  ];

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const event = { type: stored.type, data: stored.data } as HandledEvent;
    const recordedAt = stored.metadata.recordedAt;
    switch (event.type) {
      case 'MeetingRegistered': {
        const d = event.data;
        const evidence: Record<string, { at: string; recordedAt: string }> = {};
        if (d.invitationSentAt) evidence.invitation = { at: d.invitationSentAt, recordedAt };
        if (d.documentsSharedAt) evidence.documents = { at: d.documentsSharedAt, recordedAt };
        await tx.query(
          `INSERT INTO reporting_meetings (meeting_id, project_id, form, held_on, evidence)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (meeting_id) DO NOTHING`,
          [d.meetingId, d.projectId, d.form, d.heldOn, JSON.stringify(evidence)],
        );
        return;
      }
      case 'MeetingInvitationSent':
      case 'MeetingDocumentsShared':
      case 'MeetingFeedbackGiven':
        await tx.query(
          `UPDATE reporting_meetings SET evidence = evidence || jsonb_build_object($2::text, $3::jsonb)
           WHERE meeting_id = $1`,
          [event.data.meetingId, EVIDENCE_KEY[event.type], JSON.stringify({ at: event.data.at, recordedAt })],
        );
        return;
      case 'MeetingCancelled':
        await tx.query(`UPDATE reporting_meetings SET cancelled = true WHERE meeting_id = $1`, [
          event.data.meetingId,
        ]);
        return;
      case 'InvolvementLogged':
        if (event.data.meetingId === undefined) return;
        await tx.query(
          `INSERT INTO reporting_meeting_involvements (involvement_id, meeting_id) VALUES ($1, $2)
           ON CONFLICT (involvement_id) DO NOTHING`,
          [event.data.involvementId, event.data.meetingId],
        );
        return;
      case 'MilestoneRecorded':
        await tx.query(
          `INSERT INTO reporting_milestones (milestone_id, project_id, kind, at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (milestone_id) DO NOTHING`,
          [event.data.milestoneId, event.data.projectId, event.data.kind, event.data.at],
        );
        return;
      case 'MeetingMinutesRecorded':
        // Not handled: a meeting's facts are its times, not its texts.
        return;
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM reporting_meetings');
    await tx.query('DELETE FROM reporting_meeting_involvements');
    await tx.query('DELETE FROM reporting_milestones');
  }
}
