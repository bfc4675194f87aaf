import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import type { InvolvementEvent } from '../../domain';
import { InvolvementSummary } from './involvement-summary.entity';

/** Keeps InvolvementSummary rows in step with the involvement streams. */
export class InvolvementSummariesProjection implements Projection {
  readonly name = 'participation-involvement-summaries';
  readonly handles = ['InvolvementLogged', 'InvolvementCorrected', 'InvolvementVoided', 'EvidenceAdded'];

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const rows = tx.getRepository(InvolvementSummary);
    const event = { type: stored.type, data: stored.data } as InvolvementEvent;
    const touched = { version: stored.version, updatedAt: new Date(stored.metadata.recordedAt) };
    switch (event.type) {
      case 'InvolvementLogged': {
        const d = event.data;
        await rows.upsert(
          {
            involvementId: d.involvementId,
            projectId: d.projectId,
            participantId: d.participantId,
            form: d.form,
            occurredOn: d.occurredOn,
            attendance: d.attendance,
            meetingHours: d.hours.meeting,
            status: 'logged',
            countsAsParticipation: d.countsAsParticipation,
            payable: d.payable,
            evidenceKinds: [],
            loggedBy: stored.metadata.actor,
            loggedAt: new Date(stored.metadata.recordedAt),
            ...touched,
          },
          ['involvementId'],
        );
        return;
      }
      case 'InvolvementCorrected': {
        const c = event.data.changes;
        await rows.update(event.data.involvementId, {
          ...(c.form !== undefined ? { form: c.form } : {}),
          ...(c.occurredOn !== undefined ? { occurredOn: c.occurredOn } : {}),
          ...(c.attendance !== undefined ? { attendance: c.attendance } : {}),
          ...(c.hours !== undefined ? { meetingHours: c.hours.meeting } : {}),
          countsAsParticipation: event.data.countsAsParticipation,
          payable: event.data.payable,
          ...touched,
        });
        return;
      }
      case 'InvolvementVoided':
        await rows.update(event.data.involvementId, { status: 'voided', ...touched });
        return;
      case 'EvidenceAdded':
        await tx.query(
          `UPDATE participation_involvements SET evidence_kinds = array_append(evidence_kinds, $2), version = $3, updated_at = $4
           WHERE involvement_id = $1`,
          [event.data.involvementId, event.data.evidence.kind, touched.version, touched.updatedAt],
        );
        return;
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM participation_involvements');
  }
}
