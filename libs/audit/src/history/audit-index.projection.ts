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

  /**
   * At most four statements for the batch, with the same rows as `apply` on each in
   * turn: the events; the (stream, participant) pairs the personal streams
   * name; for each pair new to the index, every event of its stream; every
   * participant an event of a non-personal stream names; and for every event
   * of a personal stream, everyone its stream has named so far.
   */
  async applyBatch(delivered: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    const events: StoredEvent[] = [];
    for (const event of delivered) events.push(await this.asStored(event));
    await tx.query(
      `INSERT INTO audit_events (position, stream_id, version, type, data, metadata, hash, actor, recorded_at)
       SELECT position, stream_id, version, type, data, metadata, hash, actor, recorded_at
       FROM jsonb_to_recordset($1::jsonb) AS x(position bigint, stream_id text, version integer, type text,
         data jsonb, metadata jsonb, hash text, actor text, recorded_at timestamptz)
       ON CONFLICT (position) DO NOTHING`,
      [
        JSON.stringify(
          events.map((e) => ({
            position: e.position,
            stream_id: e.streamId,
            version: e.version,
            type: e.type,
            data: e.data,
            metadata: e.metadata,
            hash: e.hash,
            actor: e.metadata.actor,
            recorded_at: e.metadata.recordedAt,
          })),
        ),
      ],
    );
    const streamPairs: Array<{ stream_id: string; participant_id: string }> = [];
    const namedPairs: Array<{ participant_id: string; position: number }> = [];
    const personalEvents: Array<{ stream_id: string; position: number }> = [];
    for (const event of events) {
      const personal = streamBelongsToItsParticipants(event.streamId);
      for (const participantId of participantsNamedIn(event.data)) {
        if (personal) streamPairs.push({ stream_id: event.streamId, participant_id: participantId });
        else namedPairs.push({ participant_id: participantId, position: event.position });
      }
      if (personal) personalEvents.push({ stream_id: event.streamId, position: event.position });
    }
    if (streamPairs.length > 0) {
      await tx.query(
        `WITH added AS (
           INSERT INTO audit_stream_participants (stream_id, participant_id)
           SELECT DISTINCT stream_id, participant_id FROM jsonb_to_recordset($1::jsonb) AS x(stream_id text, participant_id text)
           ON CONFLICT DO NOTHING RETURNING stream_id, participant_id
         )
         INSERT INTO audit_event_participants (participant_id, position)
         SELECT added.participant_id, e.position FROM added JOIN audit_events e ON e.stream_id = added.stream_id
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(streamPairs)],
      );
    }
    if (namedPairs.length > 0) {
      await tx.query(
        `INSERT INTO audit_event_participants (participant_id, position)
         SELECT participant_id, position FROM jsonb_to_recordset($1::jsonb) AS x(participant_id text, position bigint)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(namedPairs)],
      );
    }
    if (personalEvents.length > 0) {
      await tx.query(
        `INSERT INTO audit_event_participants (participant_id, position)
         SELECT sp.participant_id, x.position FROM jsonb_to_recordset($1::jsonb) AS x(stream_id text, position bigint)
         JOIN audit_stream_participants sp ON sp.stream_id = x.stream_id
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(personalEvents)],
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
