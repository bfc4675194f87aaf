import { createTestDatabase } from '@app/testing';
import { InProcessIntegrationBus, KafkaIntegrationBus } from '@app/messaging';
import { integrationBusContract } from '../../libs/messaging/src/contract/integration-bus.contract';

// One suite, run against each IntegrationBus adapter (the Kafka one only when a broker is given).
integrationBusContract('in-process', async () => {
  const db = await createTestDatabase();
  const bus = new InProcessIntegrationBus(db.pool, {
    pollIntervalMs: 50,
    backoff: { initialMs: 20, maxMs: 200 },
  });
  return {
    bus,
    deliveryTimeoutMs: 10_000,
    dispose: async () => {
      await bus.close();
      await db.drop();
    },
  };
});

const brokers = process.env.KAFKA_BROKERS?.trim();
if (brokers) {
  integrationBusContract('kafka', async () => {
    const bus = new KafkaIntegrationBus({
      brokers: brokers.split(',').map((b) => b.trim()),
      clientId: 'brukermedvirkning-contract',
      backoff: { initialMs: 50, maxMs: 500 },
    });
    return { bus, deliveryTimeoutMs: 45_000, dispose: () => bus.close() };
  });
} else {
  process.stderr.write('IntegrationBus contract: kafka is SKIPPED (set KAFKA_BROKERS=host:port to run it)\n');
  describe('IntegrationBus contract: kafka (skipped: set KAFKA_BROKERS=host:port to run it)', () => {
    it.skip('runs the IntegrationBus contract against a real Kafka', () => undefined);
  });
}
