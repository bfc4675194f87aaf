import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import { MEETING_EVENT_TYPES, type MeetingEvent } from '../../domain';

/** A project's meetings, for GET /v1/projects/{id}/meetings (table participation_meetings). */
export class MeetingsProjection implements Projection {
  readonly name = 'participation-meetings';
  readonly handles = [...MEETING_EVENT_TYPES];

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const event = { type: stored.type, data: stored.data } as MeetingEvent;
    const set = (assignment: string, value: unknown) =>
      tx.query(`UPDATE participation_meetings SET ${assignment} = $2 WHERE meeting_id = $1`, [
        event.data.meetingId,
        value,
      ]);
    switch (event.type) {
      case 'MeetingRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO participation_meetings (meeting_id, project_id, form, held_on, status, invitation_sent_at,
             documents_shared_at, minutes_ref, gathering_decisions)
           VALUES ($1, $2, $3, $4, 'scheduled', $5, $6, $7, $8) ON CONFLICT (meeting_id) DO NOTHING`,
          [
            d.meetingId,
            d.projectId,
            d.form,
            d.heldOn,
            d.invitationSentAt,
            d.documentsSharedAt,
            d.minutesRef,
            d.gatheringDecisions === null ? null : JSON.stringify(d.gatheringDecisions),
          ],
        );
        return;
      }
      case 'MeetingInvitationSent':
        return void (await set('invitation_sent_at', event.data.at));
      case 'MeetingDocumentsShared':
        return void (await set('documents_shared_at', event.data.at));
      case 'MeetingMinutesRecorded':
        return void (await set('minutes_ref', event.data.ref));
      case 'MeetingFeedbackGiven':
        return void (await set('feedback_given_at', event.data.at));
      case 'MeetingCancelled':
        return void (await set('status', 'cancelled'));
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM participation_meetings');
  }
}
