import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { PostgresEventStore, type EventStore, type StoredEvent } from '@app/event-store';

/** Where a page's events are, so a failure can name them; their content travels as `json`. */
export interface PageEvent {
  position: number;
  streamId: string;
  version: number;
}

/** A page of the raw log: who is in it and, as one JSON text, the fields the worker rehashes (StoredFields[]). */
export interface StoredPage {
  events: PageEvent[];
  json: string;
}

export type ReadPage = (after: number, limit: number) => Promise<StoredPage>;

/** Events serialised between yields on the port path: a few milliseconds of the event loop. */
const SLICE = 100;

/**
 * How verification reads the raw log. On PostgreSQL the stored JSON is read
 * as text (`data::text`) and spliced into the worker's request as it is:
 * the main thread neither parses it into objects nor serialises them again,
 * and the worker's JSON.parse sees the very text the pg driver would have
 * parsed, so it hashes the same values. Any other store is read through the
 * port and serialised here, a slice at a time.
 */
export function storedPages(rawStore: EventStore, db: DataSource): ReadPage {
  if (rawStore instanceof PostgresEventStore) return (after, limit) => readAsText(db, after, limit);
  return (after, limit) => readThroughPort(rawStore, after, limit);
}

interface TextRow {
  global_position: string;
  stream_id: string;
  version: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

async function readAsText(db: DataSource, after: number, limit: number): Promise<StoredPage> {
  const rows: TextRow[] = await db.query(
    `SELECT global_position, stream_id, version, type, data::text AS data, metadata::text AS metadata, hash
       FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
    [after, limit],
  );
  const events: PageEvent[] = new Array<PageEvent>(rows.length);
  const parts: string[] = new Array<string>(rows.length);
  rows.forEach((row, i) => {
    events[i] = { position: Number(row.global_position), streamId: row.stream_id, version: row.version };
    parts[i] =
      `{"streamId":${JSON.stringify(row.stream_id)},"version":${row.version},"type":${JSON.stringify(row.type)},` +
      `"data":${row.data},"metadata":${row.metadata},"hash":${JSON.stringify(row.hash)}}`;
  });
  return { events, json: `[${parts.join(',')}]` };
}

async function readThroughPort(rawStore: EventStore, after: number, limit: number): Promise<StoredPage> {
  const page = await rawStore.readAll({ after, limit });
  const parts: string[] = [];
  for (let start = 0; start < page.length; start += SLICE) {
    if (start > 0) await yieldToEventLoop();
    for (const event of page.slice(start, start + SLICE)) parts.push(JSON.stringify(storedFields(event)));
  }
  return {
    events: page.map(({ position, streamId, version }) => ({ position, streamId, version })),
    json: `[${parts.join(',')}]`,
  };
}

/** Stored values came from JSON, so its text carries them exactly (even -0 hashes as 0 either way). */
function storedFields({ streamId, version, type, data, metadata, hash }: StoredEvent) {
  return { streamId, version, type, data, metadata, hash };
}
