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

/**
 * Moves the checkpoint from `from` to `to` inside the batch's transaction. The
 * row lock and the comparison make a stale runner's batch roll back instead of
 * applying events twice.
 */
export async function advanceCheckpoint(
  tx: EntityManager,
  name: string,
  from: number,
  to: number,
): Promise<void> {
  await tx.query(
    'INSERT INTO projection_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING',
    [name],
  );
  const rows: Array<{ position: string }> = await tx.query(
    'SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
    [name],
  );
  const current = Number(rows[0].position);
  if (current !== from)
    throw new CheckpointMoved(`projection ${name} is at ${current}, this batch started at ${from}`);
  await tx.query('UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1', [
    name,
    to,
  ]);
}

export async function resetCheckpoint(tx: EntityManager, name: string): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (name, position) VALUES ($1, 0)
     ON CONFLICT (name) DO UPDATE SET position = 0, updated_at = now()`,
    [name],
  );
}
