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
  /** `load` for many people at once (one statement on PostgreSQL); a person who never had a key is absent. */
  loadMany(personIds: readonly string[]): Promise<Map<string, StoredDataKey>>;
  /** Destroys the key for good, leaving a tombstone; destroying twice, or before any key, is fine. */
  destroy(personId: string): Promise<void>;
}

export class InMemoryPersonalDataKeyStore implements PersonalDataKeyStore {
  private readonly keys = new Map<string, StoredDataKey>();

  save(personId: string, wrappedKey: string): Promise<StoredDataKey> {
    if (!this.keys.has(personId)) this.keys.set(personId, { state: 'active', wrappedKey });
    return Promise.resolve(this.keys.get(personId) as StoredDataKey);
  }

  load(personId: string): Promise<StoredDataKey | undefined> {
    return Promise.resolve(this.keys.get(personId));
  }

  loadMany(personIds: readonly string[]): Promise<Map<string, StoredDataKey>> {
    const found = new Map<string, StoredDataKey>();
    for (const id of personIds) {
      const stored = this.keys.get(id);
      if (stored !== undefined) found.set(id, stored);
    }
    return Promise.resolve(found);
  }

  destroy(personId: string): Promise<void> {
    this.keys.set(personId, { state: 'destroyed' });
    return Promise.resolve();
  }
}
