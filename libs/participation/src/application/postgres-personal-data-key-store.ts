import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { PersonalDataKeyStore, StoredDataKey } from '../personal-data/personal-data-key-store';

export const PERSONAL_DATA_POOL = Symbol('PersonalDataPool');

/**
 * Wrapped data keys in PostgreSQL, outside the event log. Forgetting a person
 * nulls the wrapped key and leaves a tombstone, so no fresh key is ever made.
 */
@Injectable()
export class PostgresPersonalDataKeyStore implements PersonalDataKeyStore {
  constructor(@Inject(PERSONAL_DATA_POOL) private readonly pool: Pool) {}

  async save(personId: string, wrappedKey: string): Promise<StoredDataKey> {
    await this.pool.query(
      'INSERT INTO personal_data_keys (person_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING',
      [personId, wrappedKey],
    );
    return (await this.load(personId)) as StoredDataKey;
  }

  async load(personId: string): Promise<StoredDataKey | undefined> {
    const { rows } = await this.pool.query<{ wrapped_key: string | null }>(
      'SELECT wrapped_key FROM personal_data_keys WHERE person_id = $1',
      [personId],
    );
    if (rows.length === 0) return undefined;
    return rows[0].wrapped_key === null
      ? { state: 'destroyed' }
      : { state: 'active', wrappedKey: rows[0].wrapped_key };
  }

  async loadMany(personIds: readonly string[]): Promise<Map<string, StoredDataKey>> {
    const found = new Map<string, StoredDataKey>();
    if (personIds.length === 0) return found;
    const { rows } = await this.pool.query<{ person_id: string; wrapped_key: string | null }>(
      'SELECT person_id, wrapped_key FROM personal_data_keys WHERE person_id = ANY($1::text[])',
      [personIds],
    );
    for (const r of rows)
      found.set(
        r.person_id,
        r.wrapped_key === null ? { state: 'destroyed' } : { state: 'active', wrappedKey: r.wrapped_key },
      );
    return found;
  }

  async destroy(personId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO personal_data_keys (person_id, wrapped_key, destroyed_at) VALUES ($1, NULL, now())
       ON CONFLICT (person_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = COALESCE(personal_data_keys.destroyed_at, now())`,
      [personId],
    );
  }
}
