import type { StoredEvent } from '../event-store.port';

/** Lifts one event type's data from schema version N to N+1. */
export type Upcaster = (data: Record<string, unknown>, event: StoredEvent) => Record<string, unknown>;

/**
 * Shipped event types are never edited: a new shape gets a new schemaVersion
 * and an upcaster from the previous one. Reads then see only current shapes,
 * while the stored event (and its hash) stays as it was written.
 */
export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Upcaster>();

  register(type: string, fromVersion: number, upcaster: Upcaster): this {
    const key = `${type}@${fromVersion}`;
    if (this.upcasters.has(key)) throw new Error(`an upcaster for ${key} is already registered`);
    this.upcasters.set(key, upcaster);
    return this;
  }

  upcast(event: StoredEvent): StoredEvent {
    let current = event;
    for (;;) {
      const upcaster = this.upcasters.get(`${current.type}@${current.metadata.schemaVersion}`);
      if (!upcaster) return current;
      current = {
        ...current,
        data: upcaster(current.data, current),
        metadata: { ...current.metadata, schemaVersion: current.metadata.schemaVersion + 1 },
      };
    }
  }
}
