import { createTestDatabase } from '@app/testing';
import { eventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

eventStoreContract('postgres', async (clock) => {
  const db = await createTestDatabase();
  const store = new PostgresEventStore({ pool: db.pool, listenUrl: db.url, clock, pollIntervalMs: 200 });
  return {
    store,
    dispose: async () => {
      await store.close();
      await db.drop();
    },
  };
});
