import type { EntityManager } from 'typeorm';
import { lastByKey, runsOf, type Projection, type StoredEvent } from '@app/event-store';
import { PARTICIPANT_VOICE_EVENT_TYPES, type InvolvementEvent } from '../../domain';
import { InvolvementSummary } from './involvement-summary.entity';

/** Keeps InvolvementSummary rows in step with the involvement streams. */
export class InvolvementSummariesProjection implements Projection {
  readonly name = 'participation-involvement-summaries';
  readonly handles = [
    'InvolvementLogged',
    'InvolvementCorrected',
    'InvolvementVoided',
    'EvidenceAdded',
    ...PARTICIPANT_VOICE_EVENT_TYPES,
  ];

  /** A run of InvolvementLogged is one multi-row upsert; other events are applied one by one, in order. */
  async applyBatch(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    for (const run of runsOf(events, (e) => e.type)) {
      if (run[0].type !== 'InvolvementLogged') {
        for (const event of run) await this.apply(event, tx);
        continue;
      }
      const logged = run.map((stored) => summaryOfLogged(stored));
      await tx.getRepository(InvolvementSummary).upsert(
        lastByKey(logged, (row) => row.involvementId),
        ['involvementId'],
      );
    }
  }

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const rows = tx.getRepository(InvolvementSummary);
    const event = { type: stored.type, data: stored.data } as InvolvementEvent;
    const touched = { version: stored.version, updatedAt: new Date(stored.metadata.recordedAt) };
    switch (event.type) {
      case 'InvolvementLogged': {
        await rows.upsert(summaryOfLogged(stored), ['involvementId']);
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
      // The participant's word changes no listed field; the version (the list's ETag) moves on.
      case 'ParticipantConfirmedInvolvement':
      case 'ParticipantDisputedInvolvement':
      case 'ParticipantWaivedHonorarium':
      case 'ParticipantAcknowledgedFeedback':
        await rows.update(event.data.involvementId, touched);
        return;
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM participation_involvements');
  }
}

function summaryOfLogged(stored: StoredEvent) {
  const d = stored.data as unknown as Extract<InvolvementEvent, { type: 'InvolvementLogged' }>['data'];
  return {
    involvementId: d.involvementId,
    projectId: d.projectId,
    participantId: d.participantId,
    form: d.form,
    occurredOn: d.occurredOn,
    attendance: d.attendance,
    meetingHours: d.hours.meeting,
    status: 'logged' as const,
    countsAsParticipation: d.countsAsParticipation,
    payable: d.payable,
    evidenceKinds: [],
    loggedBy: stored.metadata.actor,
    loggedAt: new Date(stored.metadata.recordedAt),
    version: stored.version,
    updatedAt: new Date(stored.metadata.recordedAt),
  };
}
