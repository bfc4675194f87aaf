import type { DataSource, EntityManager } from 'typeorm';
import { Conflict } from '@app/shared-kernel';

/** A checkpoint moved under a runner's feet: another process ran (or a rebuild reset) the projection. */
export class CheckpointMoved extends Conflict {}

export async function readCheckpoint(db: DataSource | EntityManager, name: string): Promise<number> {
  const rows: Array<{ position: string }> = await db.query(
    'SELECT position FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return rows.length === 0 ? 0 : Number(rows[0].position);
}

/** Creates the checkpoint row at 0 if there is none, so `advanceCheckpoint` always finds one. */
export async function ensureCheckpoint(db: DataSource | EntityManager, name: string): Promise<void> {
  await db.query(
    'INSERT INTO projection_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING',
    [name],
  );
}

/**
 * Moves the checkpoint from `from` to `to` in one statement: inside the
 * batch's transaction, or on its own when the batch held nothing the
 * projection handles. The UPDATE takes the row lock and re-checks `from` on
 * the row as it is then, so a stale runner's batch rolls back instead of
 * applying events twice. The row must exist (`ensureCheckpoint`).
 */
export async function advanceCheckpoint(
  db: DataSource | EntityManager,
  name: string,
  from: number,
  to: number,
): Promise<void> {
  const rows: Array<{ moved: number }> = await db.query(
    `WITH moved AS (
       UPDATE projection_checkpoints SET position = $3, updated_at = now() WHERE name = $1 AND position = $2
       RETURNING 1
     ) SELECT count(*)::int AS moved FROM moved`,
    [name, from, to],
  );
  if (rows[0].moved === 1) return;
  const current = await readCheckpoint(db, name);
  throw new CheckpointMoved(`projection ${name} is at ${current}, this batch started at ${from}`);
}

export async function resetCheckpoint(tx: EntityManager, name: string): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (name, position) VALUES ($1, 0)
     ON CONFLICT (name) DO UPDATE SET position = 0, updated_at = now()`,
    [name],
  );
}
