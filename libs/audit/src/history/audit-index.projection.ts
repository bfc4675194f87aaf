import type { EntityManager } from 'typeorm';
import { eventHash, type EventStore, type Projection, type StoredEvent } from '@app/event-store';
import { participantsNamedIn, streamBelongsToItsParticipants } from './domain/participants-of-event';

/**
 * The audit index: every event exactly as stored, in global order, and who it
 * is about. Fed by the projection runtime from the EventStore port, so it is
 * the same whichever adapter runs. The runtime hands projections upcast
 * events; an auditor must see what was stored (and hashed), so an event whose
 * content no longer matches its hash is re-read raw from its stream.
 */
export class AuditIndexProjection implements Projection {
  readonly name = 'audit-index';
  readonly handles = '*';

  constructor(private readonly rawStore: EventStore) {}

  async apply(delivered: StoredEvent, tx: EntityManager): Promise<void> {
    const event = await this.asStored(delivered);
    await tx.query(
      `INSERT INTO audit_events (position, stream_id, version, type, data, metadata, hash, actor, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (position) DO NOTHING`,
      [
        event.position,
        event.streamId,
        event.version,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.hash,
        event.metadata.actor,
        event.metadata.recordedAt,
      ],
    );
    const named = participantsNamedIn(event.data);
    const personal = streamBelongsToItsParticipants(event.streamId);
    for (const participantId of named) {
      if (personal) {
        // A participant newly named in the stream is concerned by its earlier events too.
        const added: unknown[] = await tx.query(
          `INSERT INTO audit_stream_participants (stream_id, participant_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING participant_id`,
          [event.streamId, participantId],
        );
        if (added.length > 0) {
          await tx.query(
            `INSERT INTO audit_event_participants (participant_id, position)
             SELECT $2, position FROM audit_events WHERE stream_id = $1 ON CONFLICT DO NOTHING`,
            [event.streamId, participantId],
          );
        }
      }
      await tx.query(
        `INSERT INTO audit_event_participants (participant_id, position) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [participantId, event.position],
      );
    }
    if (personal) {
      await tx.query(
        `INSERT INTO audit_event_participants (participant_id, position)
         SELECT participant_id, $2 FROM audit_stream_participants WHERE stream_id = $1 ON CONFLICT DO NOTHING`,
        [event.streamId, event.position],
      );
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM audit_event_participants');
    await tx.query('DELETE FROM audit_stream_participants');
    await tx.query('DELETE FROM audit_events');
  }

  private async asStored(event: StoredEvent): Promise<StoredEvent> {
    if (eventHash(event) === event.hash) return event;
    const [raw] = await this.rawStore.readStream(event.streamId, { fromVersion: event.version });
    return raw?.version === event.version ? raw : event;
  }
}
