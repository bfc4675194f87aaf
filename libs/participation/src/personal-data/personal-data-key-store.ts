/**
 * Where each person's data key is kept, wrapped (encrypted) by the master key.
 * Destroying it is how a person is forgotten: the sealed data in the event log
 * stays, unreadable for good. The PostgreSQL implementation lives with the
 * adapters; the in-memory one below is for unit tests only.
 */
export type StoredDataKey = { state: 'active'; wrappedKey: string } | { state: 'destroyed' };

export interface PersonalDataKeyStore {
  /**
   * Keeps the first key: if the person has (or had) one, that is returned
   * unchanged. So two first seals racing for one person agree on one key,
   * and a forgotten person never gets a fresh key.
   */
  save(personId: string, wrappedKey: string): Promise<StoredDataKey>;
  /** Undefined when the person never had a key. */
  load(personId: string): Promise<StoredDataKey | undefined>;
  /** Destroys the key for good, leaving a tombstone; destroying twice, or before any key, is fine. */
  destroy(personId: string): Promise<void>;
}

export class InMemoryPersonalDataKeyStore implements PersonalDataKeyStore {
  private readonly keys = new Map<string, StoredDataKey>();

  async save(personId: string, wrappedKey: string): Promise<StoredDataKey> {
    const stored = this.keys.get(personId);
    if (stored) return stored;
    const created: StoredDataKey = { state: 'active', wrappedKey };
    this.keys.set(personId, created);
    return created;
  }

  async load(personId: string): Promise<StoredDataKey | undefined> {
    return this.keys.get(personId);
  }

  async destroy(personId: string): Promise<void> {
    this.keys.set(personId, { state: 'destroyed' });
  }
}
