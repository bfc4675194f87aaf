import type { DataSource } from 'typeorm';
import type { EventStore } from '../event-store.port';
import { readCheckpoint, resetCheckpoint } from './checkpoint-store';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

/**
 * Rebuilds a read model from position 0: deletes its rows and sets its
 * checkpoint to 0 in one transaction, then waits until it has caught up with
 * the head. If a worker elsewhere runs the projection, that worker notices the
 * moved checkpoint, starts again from 0 and does the work; otherwise this
 * process runs it.
 */
export async function rebuildProjection(
  store: EventStore,
  dataSource: DataSource,
  projection: Projection,
  options: { timeoutMs?: number; log?: (message: string) => void } = {},
): Promise<{ position: number }> {
  await dataSource.transaction(async (tx) => {
    await resetCheckpoint(tx, projection.name);
    await projection.reset(tx);
  });
  const target = await store.headPosition();
  const runner = new ProjectionRunner(store, dataSource, projection, { retryDelayMs: 200, log: options.log });
  runner.start();
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  try {
    for (;;) {
      const position = await readCheckpoint(dataSource, projection.name);
      if (position >= target) return { position };
      if (Date.now() > deadline)
        throw new Error(
          `rebuild of ${projection.name} reached ${position} of ${target} before the time limit`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await runner.stop();
  }
}
