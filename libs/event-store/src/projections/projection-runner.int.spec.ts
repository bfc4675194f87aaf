import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { waitFor } from '../contract/event-store.contract';
import type { StoredEvent } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { readCheckpoint } from './checkpoint-store';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild-projection';

/** Counts deposits per account; `applied` shows whether any event took effect twice. */
class AccountTotals implements Projection {
  readonly name = 'account-totals';
  readonly handles = ['MoneyDeposited'];
  failOnce: number | undefined;

  async apply(event: StoredEvent, tx: EntityManager): Promise<void> {
    if (this.failOnce === event.data.n) {
      this.failOnce = undefined;
      throw new Error(`handler crashed on ${String(event.data.n)}`);
    }
    await tx.query(
      `INSERT INTO test_account_totals (account, total_ore, applied) VALUES ($1, $2, 1)
       ON CONFLICT (account) DO UPDATE SET total_ore = test_account_totals.total_ore + $2, applied = test_account_totals.applied + 1`,
      [event.streamId, event.data.amountOre],
    );
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM test_account_totals');
  }
}

const ctx = { actor: 'tester', correlationId: 'c' };

describe('ProjectionRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const rows = () =>
    dataSource.query('SELECT account, total_ore, applied FROM test_account_totals ORDER BY account');

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore({ pool: db.pool, listenUrl: db.url, pollIntervalMs: 100 });
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await dataSource.query(
      'CREATE TABLE test_account_totals (account text PRIMARY KEY, total_ore bigint NOT NULL, applied int NOT NULL)',
    );
    for (let n = 1; n <= 60; n += 1) {
      await store.append(
        `account-${n % 3}`,
        [{ eventId: randomUUID(), type: 'MoneyDeposited', data: { n, amountOre: n * 100 } }],
        'any',
        ctx,
      );
      if (n % 10 === 0)
        await store.append('noise', [{ eventId: randomUUID(), type: 'Unrelated', data: {} }], 'any', ctx);
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await store.close();
    await db.drop();
  });

  it('resumes after a handler crash mid-batch without losing or doubling work, and a rebuild gives identical rows', async () => {
    const projection = new AccountTotals();
    projection.failOnce = 35;
    const log: string[] = [];
    const runner = new ProjectionRunner(store, dataSource, projection, {
      batchSize: 20,
      retryDelayMs: 50,
      log: (m) => log.push(m),
    });
    runner.start();
    const head = await store.headPosition();
    await waitFor(() => runner.status().checkpoint === head);
    expect(log).toEqual([expect.stringContaining('handler crashed on 35')]);
    expect(await runner.lag()).toBe(0);
    await runner.stop();
    const afterCrash = await rows();
    // 60 deposits split over three accounts, each applied exactly once.
    expect(afterCrash).toEqual([
      { account: 'account-0', total_ore: String(63000), applied: 20 },
      { account: 'account-1', total_ore: String(59000), applied: 20 },
      { account: 'account-2', total_ore: String(61000), applied: 20 },
    ]);

    await rebuildProjection(store, dataSource, new AccountTotals());
    expect(await rows()).toEqual(afterCrash);
  });

  it('runs a projection in one process at a time; another takes over when it stops', async () => {
    const a = new ProjectionRunner(store, dataSource, Object.assign(new AccountTotals(), { name: 'solo' }), {
      retryDelayMs: 50,
    });
    const b = new ProjectionRunner(store, dataSource, Object.assign(new AccountTotals(), { name: 'solo' }), {
      retryDelayMs: 50,
    });
    await dataSource.query(
      `INSERT INTO projection_checkpoints (name, position) VALUES ('solo', (SELECT position FROM event_store_head))`,
    );
    a.start();
    await waitFor(() => a.status().active);
    b.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(b.status().active).toBe(false);
    await a.stop();
    await waitFor(() => b.status().active);
    await b.stop();
  });

  it('notices a rebuild reset while idle and starts again from 0', async () => {
    const projection = new AccountTotals();
    const runner = new ProjectionRunner(store, dataSource, projection, { retryDelayMs: 50 });
    runner.start();
    const head = await store.headPosition();
    await waitFor(() => runner.status().checkpoint === head);
    const before = await rows();
    await rebuildProjection(store, dataSource, new AccountTotals(), { timeoutMs: 20_000 });
    expect(await readCheckpoint(dataSource, 'account-totals')).toBe(head);
    expect(await rows()).toEqual(before);
    await runner.stop();
  });
});
