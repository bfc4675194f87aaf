import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, type Logger } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { waitFor } from '../contract/event-store.contract';
import type { StoredEvent } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { CheckpointMoves } from './checkpoint-moves';
import { CheckpointMoved, readCheckpoint } from './checkpoint-store';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild-projection';

/** Counts deposits per account; `applied` shows whether any event took effect twice. */
class AccountTotals implements Projection {
  readonly handles = ['MoneyDeposited'];
  failOnce: number | undefined;
  /** Fails on this deposit every time: a poison event. */
  poison: number | undefined;

  constructor(
    readonly name = 'account-totals',
    protected readonly table = 'test_account_totals',
  ) {}

  async apply(event: StoredEvent, tx: EntityManager): Promise<void> {
    if (this.poison === event.data.n) throw new Error(`poison deposit ${String(event.data.n)}`);
    if (this.failOnce === event.data.n) {
      this.failOnce = undefined;
      throw new Error(`handler crashed on ${String(event.data.n)}`);
    }
    await tx.query(
      `INSERT INTO ${this.table} (account, total_ore, applied) VALUES ($1, $2, 1)
       ON CONFLICT (account) DO UPDATE SET total_ore = ${this.table}.total_ore + $2, applied = ${this.table}.applied + 1`,
      [event.streamId, event.data.amountOre],
    );
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
  }
}

/** The same rows, one multi-row statement per batch. */
class BatchedAccountTotals extends AccountTotals {
  batches: number[] = [];

  async applyBatch(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    this.batches.push(events.length);
    await tx.query(
      `INSERT INTO ${this.table} (account, total_ore, applied)
       SELECT account, sum(amount), count(*) FROM unnest($1::text[], $2::bigint[]) AS d(account, amount) GROUP BY account
       ON CONFLICT (account) DO UPDATE
         SET total_ore = ${this.table}.total_ore + EXCLUDED.total_ore, applied = ${this.table}.applied + EXCLUDED.applied`,
      [events.map((e) => e.streamId), events.map((e) => e.data.amountOre)],
    );
  }
}

/** Records every statement a DataSource sends. */
function statementRecorder(): { statements: string[]; logger: Logger } {
  const statements: string[] = [];
  const ignore = () => undefined;
  return {
    statements,
    logger: {
      logQuery: (query) => statements.push(query.replace(/\s+/g, ' ').trim()),
      logQueryError: ignore,
      logQuerySlow: ignore,
      logSchemaBuild: ignore,
      logMigration: ignore,
      log: ignore,
    },
  };
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
    for (const table of ['test_account_totals', 'test_batched_totals', 'test_poisoned_totals'])
      await dataSource.query(
        `CREATE TABLE ${table} (account text PRIMARY KEY, total_ore bigint NOT NULL, applied int NOT NULL)`,
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

  it('applies the events there are, up to the batch size, in one transaction with one checkpoint move', async () => {
    const recorder = statementRecorder();
    const recorded = await new DataSource({
      type: 'postgres',
      url: db.url,
      logging: ['query'],
      logger: recorder.logger,
    }).initialize();
    const projection = new BatchedAccountTotals('batched-totals', 'test_batched_totals');
    const runner = new ProjectionRunner(store, recorded, projection, { retryDelayMs: 50 });
    try {
      runner.start();
      const head = await store.headPosition();
      await waitFor(() => runner.status().checkpoint === head);
      await runner.stop();
    } finally {
      await recorded.destroy();
    }
    // All 60 deposits (of 66 events) in one call, one transaction: the rows and one checkpoint statement.
    expect(projection.batches).toEqual([60]);
    const begin = recorder.statements.indexOf('START TRANSACTION');
    expect(recorder.statements.filter((q) => q === 'START TRANSACTION')).toHaveLength(1);
    const inTransaction = recorder.statements.slice(begin + 1, recorder.statements.indexOf('COMMIT'));
    expect(inTransaction).toEqual([
      expect.stringContaining('INSERT INTO test_batched_totals'),
      expect.stringContaining('UPDATE projection_checkpoints SET position = $3'),
    ]);
    expect(
      await dataSource.query('SELECT account, total_ore, applied FROM test_batched_totals ORDER BY account'),
    ).toEqual([
      { account: 'account-0', total_ore: String(63000), applied: 20 },
      { account: 'account-1', total_ore: String(59000), applied: 20 },
      { account: 'account-2', total_ore: String(61000), applied: 20 },
    ]);
  });

  it('moves the checkpoints of the runners that skip a batch in one statement, each from where it stood', async () => {
    const recorder = statementRecorder();
    const recorded = await new DataSource({
      type: 'postgres',
      url: db.url,
      logging: ['query'],
      logger: recorder.logger,
    }).initialize();
    const skippers = Array.from({ length: 8 }, (_, i) => {
      const projection: Projection = {
        name: `skipper-${i}`,
        handles: ['NeverAppended'],
        apply: () => Promise.reject(new Error('handles nothing that is appended')),
        reset: () => Promise.resolve(),
      };
      return new ProjectionRunner(store, recorded, projection, { retryDelayMs: 50 });
    });
    try {
      skippers.forEach((runner) => runner.start());
      const head = await store.headPosition();
      await waitFor(() => skippers.every((runner) => runner.status().checkpoint === head));
      // Let each finish its last batch and wait for the next append.
      await new Promise((r) => setTimeout(r, 300));
      const before = recorder.statements.length;
      // One append wakes all eight at once; they share the read and skip the same batch.
      await store.append(
        'noise',
        Array.from({ length: 5 }, () => ({ eventId: randomUUID(), type: 'Unrelated', data: {} })),
        'any',
        ctx,
      );
      await waitFor(() => skippers.every((runner) => runner.status().checkpoint === head + 5));
      const moves = recorder.statements
        .slice(before)
        .filter((q) => q.includes('UPDATE projection_checkpoints'));
      expect(moves).toHaveLength(1);
      for (let i = 0; i < 8; i += 1) expect(await readCheckpoint(dataSource, `skipper-${i}`)).toBe(head + 5);
    } finally {
      await Promise.all(skippers.map((runner) => runner.stop()));
      await recorded.destroy();
    }
  });

  it('refuses, in a shared checkpoint statement, only the move whose row stood elsewhere', async () => {
    await dataSource.query(
      `INSERT INTO projection_checkpoints (name, position) VALUES ('moves-a', 10), ('moves-b', 10), ('moves-c', 10)`,
    );
    const moves = new CheckpointMoves(dataSource);
    const results = await Promise.allSettled([
      moves.move('moves-a', 10, 20),
      moves.move('moves-b', 7, 20),
      moves.move('moves-c', 10, 30),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(CheckpointMoved);
    expect(
      await dataSource.query(
        `SELECT name, position FROM projection_checkpoints WHERE name LIKE 'moves-%' ORDER BY name`,
      ),
    ).toEqual([
      { name: 'moves-a', position: '20' },
      { name: 'moves-b', position: '10' },
      { name: 'moves-c', position: '30' },
    ]);
  });

  it('rolls a failed batch back whole, then commits the events before the poison one and names it', async () => {
    const projection = new AccountTotals('poisoned-totals', 'test_poisoned_totals');
    projection.poison = 35;
    const log: string[] = [];
    const runner = new ProjectionRunner(store, dataSource, projection, {
      retryDelayMs: 50,
      log: (m) => log.push(m),
    });
    runner.start();
    // Deposit n sits at position n + floor((n - 1) / 10) (a noise event after every tenth).
    await waitFor(() => log.length >= 4);
    await runner.stop();
    expect(runner.status()).toMatchObject({
      checkpoint: 37,
      lastError: 'event at position 38 (MoneyDeposited) failed: poison deposit 35',
    });
    expect(await readCheckpoint(dataSource, 'poisoned-totals')).toBe(37);
    expect(log[0]).toContain('a batch of 60 events failed (poison deposit 35); applying them one at a time');
    // Deposits 1..34, each once: nothing the failed batch wrote survived its rollback.
    expect(
      await dataSource.query('SELECT account, total_ore, applied FROM test_poisoned_totals ORDER BY account'),
    ).toEqual([
      {
        account: 'account-0',
        total_ore: String((3 + 6 + 9 + 12 + 15 + 18 + 21 + 24 + 27 + 30 + 33) * 100),
        applied: 11,
      },
      {
        account: 'account-1',
        total_ore: String((1 + 4 + 7 + 10 + 13 + 16 + 19 + 22 + 25 + 28 + 31 + 34) * 100),
        applied: 12,
      },
      {
        account: 'account-2',
        total_ore: String((2 + 5 + 8 + 11 + 14 + 17 + 20 + 23 + 26 + 29 + 32) * 100),
        applied: 11,
      },
    ]);
  });
});
