import type { DataSource } from 'typeorm';
import { CheckpointMoved, advanceCheckpoint } from './checkpoint-store';

interface Move {
  name: string;
  from: number;
  to: number;
  settle: (error?: Error) => void;
}

/**
 * The checkpoint moves of batches that held nothing their projection handles,
 * gathered for one turn of the event loop and sent as one statement
 * (docs/adr/0033). The projections of a process share one read of the log, so
 * the runners that skip a batch ask to move at about the same moment. Each
 * row moves only from the position its runner expects, as `advanceCheckpoint`
 * does; a runner whose row had moved under it gets `CheckpointMoved`.
 */
export class CheckpointMoves {
  private pending: Move[] = [];

  constructor(private readonly db: DataSource) {}

  move(name: string, from: number, to: number): Promise<void> {
    // One row per statement: a second move of the same name waits for nothing and goes alone.
    if (this.pending.some((m) => m.name === name)) return advanceCheckpoint(this.db, name, from, to);
    return new Promise<void>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ name, from, to, settle: (error) => (error ? reject(error) : resolve()) });
    });
  }

  private async flush(): Promise<void> {
    const moves = this.pending;
    this.pending = [];
    if (moves.length === 1) {
      const [only] = moves;
      await advanceCheckpoint(this.db, only.name, only.from, only.to).then(
        () => only.settle(),
        (error: Error) => only.settle(error),
      );
      return;
    }
    try {
      const rows: Array<{ name: string }> = await this.db.query(
        `WITH moved AS (
           UPDATE projection_checkpoints c SET position = m.to_position, updated_at = now()
           FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS m(name, from_position, to_position)
           WHERE c.name = m.name AND c.position = m.from_position
           RETURNING c.name
         ) SELECT name FROM moved`,
        [moves.map((m) => m.name), moves.map((m) => m.from), moves.map((m) => m.to)],
      );
      const moved = new Set(rows.map((row) => row.name));
      for (const m of moves)
        m.settle(
          moved.has(m.name)
            ? undefined
            : new CheckpointMoved(`projection ${m.name} moved elsewhere; this batch started at ${m.from}`),
        );
    } catch (error) {
      for (const m of moves) m.settle(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

const shared = new WeakMap<DataSource, CheckpointMoves>();

/** The one `CheckpointMoves` of a DataSource, shared by every runner on it. */
export function checkpointMovesOf(db: DataSource): CheckpointMoves {
  let moves = shared.get(db);
  if (!moves) {
    moves = new CheckpointMoves(db);
    shared.set(db, moves);
  }
  return moves;
}
