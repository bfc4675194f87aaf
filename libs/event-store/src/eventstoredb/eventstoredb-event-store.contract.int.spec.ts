import { createTestDatabase } from '@app/testing';
import { eventStoreContract } from '../contract/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The same contract suite as PostgreSQL, against a real EventStoreDB/KurrentDB
 * server when ESDB_CONNECTION_STRING is set (e.g. `docker compose up -d
 * eventstoredb`, then ESDB_CONNECTION_STRING=esdb://localhost:2113?tls=false
 * npm run test:infra). Streams are unique per test, so a shared server is fine;
 * the event-id index lives in a throw-away PostgreSQL database.
 */
const connectionString = process.env.ESDB_CONNECTION_STRING?.trim();

if (connectionString) {
  eventStoreContract('eventstoredb', async (clock) => {
    const db = await createTestDatabase();
    const store = EventStoreDbEventStore.connect(connectionString, {
      pool: db.pool,
      clock,
      pollIntervalMs: 200,
    });
    return {
      store,
      dispose: async () => {
        await store.close();
        await db.drop();
      },
    };
  });
} else {
  // One plain line, as the Kafka suite does: console.error would print a code frame that reads like a failure.
  process.stderr.write(
    'EventStore contract: eventstoredb is SKIPPED (set ESDB_CONNECTION_STRING=esdb://host:2113?tls=false to run it)\n',
  );
  describe('EventStore contract: eventstoredb (skipped: set ESDB_CONNECTION_STRING to run it)', () => {
    it.skip('runs the EventStore contract against a real EventStoreDB', () => undefined);
  });
}
