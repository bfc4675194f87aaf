import type { EntityManager } from 'typeorm';
import { lastByKey, runsOf, type Projection, type StoredEvent } from '@app/event-store';
import {
  enqueueIntegrationMessage,
  enqueueIntegrationMessages,
  integrationMessageId,
  TOPICS,
  type IntegrationMessage,
} from '@app/messaging';
import type { AppointmentRole, HonorariumDecision, InvolvementEvent, InvolvementForm } from '../domain';

/**
 * `participation.involvements.v1`, schema version 1: the involvement as it
 * stands after the event (event-carried state). Built field by field from a
 * whitelist: ids, codes, dates, hours and flags only. Never names, national
 * ids, bank accounts, or free text (topic, reasons, expense descriptions,
 * receipt references), which could name a person.
 */
export type InvolvementIntegrationPayload = {
  involvementId: string;
  participantId: string;
  projectId: string;
  appointmentId: string | null;
  role: AppointmentRole | null;
  form: InvolvementForm;
  occurredOn: string;
  attendance: string;
  hours: { meeting: number; preparation: number; travel: number };
  honorariumDecision: HonorariumDecision | null;
  countsAsParticipation: boolean;
  payable: boolean;
  status: 'logged' | 'corrected' | 'voided';
  /** Version of the involvement's stream this state is at: a consumer keeps the highest. */
  version: number;
};

export const INVOLVEMENTS_SCHEMA_VERSION = 1;

/**
 * Turns InvolvementLogged / Corrected / Voided into outbox messages keyed by
 * participant id, in the projection's transaction. Corrections and voids do
 * not carry the participant, so the last state of each involvement is kept
 * in `integration_involvement_snapshots`.
 */
export class InvolvementsIntegrationProjection implements Projection {
  readonly name = 'participation-involvements-integration';
  readonly handles = ['InvolvementLogged', 'InvolvementCorrected', 'InvolvementVoided'];

  /**
   * A run of InvolvementLogged is three statements (snapshots, key locks,
   * outbox rows); corrections and voids read the snapshot, so they are
   * applied one by one, in order.
   */
  async applyBatch(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    for (const run of runsOf(events, (e) => e.type)) {
      if (run[0].type !== 'InvolvementLogged') {
        for (const event of run) await this.apply(event, tx);
        continue;
      }
      const states = run.map((stored) => ({ stored, next: loggedState(stored) }));
      const snapshots = lastByKey(states, ({ next }) => next.involvementId).map(({ next }) => ({
        involvement_id: next.involvementId,
        participant_id: next.participantId,
        snapshot: next,
      }));
      await tx.query(
        `INSERT INTO integration_involvement_snapshots (involvement_id, participant_id, snapshot)
         SELECT involvement_id, participant_id, snapshot
         FROM jsonb_to_recordset($1::jsonb) AS x(involvement_id text, participant_id text, snapshot jsonb)
         ON CONFLICT (involvement_id) DO UPDATE SET snapshot = EXCLUDED.snapshot`,
        [JSON.stringify(snapshots)],
      );
      await enqueueIntegrationMessages(
        tx,
        states.map(({ stored, next }) => messageOf(stored, next)),
      );
    }
  }

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const event = { type: stored.type, data: stored.data } as InvolvementEvent;
    let next: InvolvementIntegrationPayload;
    switch (event.type) {
      case 'InvolvementLogged':
        next = loggedState(stored);
        break;
      case 'InvolvementCorrected': {
        const d = event.data;
        const c = d.changes;
        const before = await this.snapshot(tx, d.involvementId);
        next = {
          ...before,
          appointmentId: d.appointment?.appointmentId ?? null,
          role: d.appointment?.role ?? null,
          ...(c.form !== undefined ? { form: c.form } : {}),
          ...(c.occurredOn !== undefined ? { occurredOn: c.occurredOn } : {}),
          ...(c.attendance !== undefined ? { attendance: c.attendance } : {}),
          ...(c.hours !== undefined ? { hours: hoursOf(c.hours) } : {}),
          ...(c.honorariumDecision !== undefined ? { honorariumDecision: c.honorariumDecision } : {}),
          countsAsParticipation: d.countsAsParticipation,
          payable: d.payable,
          status: 'corrected',
          version: stored.version,
        };
        break;
      }
      case 'InvolvementVoided':
        next = {
          ...(await this.snapshot(tx, event.data.involvementId)),
          status: 'voided',
          version: stored.version,
        };
        break;
      case 'EvidenceAdded':
      case 'ParticipantConfirmedInvolvement':
      case 'ParticipantDisputedInvolvement':
      case 'ParticipantWaivedHonorarium':
      case 'ParticipantAcknowledgedFeedback':
        return;
    }
    await tx.query(
      `INSERT INTO integration_involvement_snapshots (involvement_id, participant_id, snapshot) VALUES ($1, $2, $3)
       ON CONFLICT (involvement_id) DO UPDATE SET snapshot = EXCLUDED.snapshot`,
      [next.involvementId, next.participantId, JSON.stringify(next)],
    );
    await enqueueIntegrationMessage(tx, messageOf(stored, next));
  }

  /** Forgets the snapshots; the outbox keeps what it has (a rebuild re-enqueues the same message ids, a no-op). */
  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM integration_involvement_snapshots');
  }

  private async snapshot(tx: EntityManager, involvementId: string): Promise<InvolvementIntegrationPayload> {
    const rows = await tx.query<Array<{ snapshot: InvolvementIntegrationPayload }>>(
      'SELECT snapshot FROM integration_involvement_snapshots WHERE involvement_id = $1',
      [involvementId],
    );
    if (rows.length === 0) throw new Error(`involvement ${involvementId} was changed before it was logged`);
    return rows[0].snapshot;
  }
}

function loggedState(stored: StoredEvent): InvolvementIntegrationPayload {
  const d = stored.data as unknown as Extract<InvolvementEvent, { type: 'InvolvementLogged' }>['data'];
  return {
    involvementId: d.involvementId,
    participantId: d.participantId,
    projectId: d.projectId,
    appointmentId: d.appointment?.appointmentId ?? null,
    role: d.appointment?.role ?? null,
    form: d.form,
    occurredOn: d.occurredOn,
    attendance: d.attendance,
    hours: hoursOf(d.hours),
    honorariumDecision: d.honorariumDecision ?? null,
    countsAsParticipation: d.countsAsParticipation,
    payable: d.payable,
    status: 'logged',
    version: stored.version,
  };
}

function messageOf(stored: StoredEvent, next: InvolvementIntegrationPayload): IntegrationMessage {
  return {
    messageId: integrationMessageId(stored.eventId, TOPICS.involvements),
    topic: TOPICS.involvements,
    key: next.participantId,
    type: stored.type,
    schemaVersion: INVOLVEMENTS_SCHEMA_VERSION,
    occurredAt: stored.metadata.recordedAt,
    payload: next,
  };
}

function hoursOf(hours: { meeting: number; preparation: number; travel: number }) {
  return { meeting: hours.meeting, preparation: hours.preparation, travel: hours.travel };
}
