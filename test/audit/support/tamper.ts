import type { Pool } from 'pg';

/**
 * What an attacker with superuser access to the database does: change a
 * stored event in place, bypassing the append-only triggers
 * (session_replication_role = replica skips them for this session only).
 */
export async function rewriteStoredEvent(
  pool: Pool,
  position: number,
  change: { data: object; hash?: string },
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(
      'UPDATE events SET data = $2::jsonb, hash = coalesce($3, hash) WHERE global_position = $1',
      [position, JSON.stringify(change.data), change.hash ?? null],
    );
    await client.query('SET session_replication_role = DEFAULT');
  } finally {
    client.release();
  }
}
