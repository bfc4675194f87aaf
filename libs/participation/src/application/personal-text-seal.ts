import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '@app/event-store';
import {
  PERSONAL_TEXT_FIELDS,
  SEALED_TEXT_SCHEMA_VERSION,
  isSealedEnvelope,
  type ErasedText,
  type PersonalText,
} from '../domain';
import { isForgotten, PersonalDataVault } from '../personal-data';

type EventData = Record<string, unknown>;
type Event = { type: string; data: object };

/** What an event becomes before it is appended: free text about the person sealed, with its schema version. */
export type SealedEvent = { type: string; data: EventData; schemaVersion?: number };

const ERASED: ErasedText = { erased: true };

const fieldsOf = (type: string): readonly (readonly string[])[] =>
  (PERSONAL_TEXT_FIELDS as Record<string, readonly (readonly string[])[]>)[type] ?? [];

/**
 * Seals free text that concerns one person (PERSONAL_TEXT_FIELDS) with that
 * person's key before it enters the log, and opens it on every read, so
 * forgetting the person (destroying the key) erases it while each stored
 * event and its hash stay as they are. The event's own `participantId` names
 * the person; the vault binds it into the ciphertext. Schema version 1 events
 * (written before sealing) hold plaintext and are read as they are.
 */
@Injectable()
export class PersonalTextSeal {
  constructor(private readonly vault: PersonalDataVault) {}

  async seal(event: Event): Promise<SealedEvent> {
    const fields = fieldsOf(event.type);
    const data = event.data as EventData;
    if (fields.length === 0) return { type: event.type, data };
    const personId = data.participantId;
    if (typeof personId !== 'string')
      throw new Error(`${event.type} holds free text about a person but names no participantId`);
    const sealed = structuredClone(data);
    for (const path of fields) {
      const value = valueAt(sealed, path);
      // The vault refuses a forgotten person (422 participant-forgotten): nothing new is written about them.
      if (typeof value === 'string') setAt(sealed, path, await this.vault.seal(personId, { text: value }));
    }
    return { type: event.type, data: sealed, schemaVersion: SEALED_TEXT_SCHEMA_VERSION };
  }

  /** The event with its sealed text opened, or `{ erased: true }` where the person was forgotten. */
  async open(event: StoredEvent): Promise<StoredEvent> {
    const fields = fieldsOf(event.type);
    if (fields.length === 0 || event.metadata.schemaVersion < SEALED_TEXT_SCHEMA_VERSION) return event;
    const personId = event.data.participantId;
    if (typeof personId !== 'string') return event;
    const data = structuredClone(event.data);
    for (const path of fields) {
      const value = valueAt(data, path);
      if (!isSealedEnvelope(value)) continue;
      const opened = await this.vault.open<{ text: string }>(personId, value);
      setAt(data, path, isForgotten(opened) ? ERASED : opened.text);
    }
    return { ...event, data };
  }

  /**
   * One value from a read model, which keeps the text as the event stored it:
   * opened when sealed, `{ erased: true }` once the person is forgotten, and
   * as it is otherwise (plaintext of a version 1 event).
   */
  async openValue(personId: string, value: string | null): Promise<PersonalText | null> {
    if (!isSealedEnvelope(value)) return value;
    const opened = await this.vault.open<{ text: string }>(personId, value);
    return isForgotten(opened) ? ERASED : opened.text;
  }
}

function valueAt(data: EventData, path: readonly string[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as EventData)[key];
  }
  return current;
}

/** Sets a value whose parent exists (valueAt found it there). */
function setAt(data: EventData, path: readonly string[], value: unknown): void {
  const parent = valueAt(data, path.slice(0, -1)) as EventData;
  parent[path[path.length - 1]] = value;
}
