import { Global, Logger, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, PG_POOL, type AppConfig } from '@app/platform';
import { InProcessIntegrationBus } from './in-process/in-process-integration-bus';
import { INTEGRATION_BUS, type IntegrationBus } from './integration-bus.port';
import { KafkaIntegrationBus } from './kafka/kafka-integration-bus';
import { OutboxRelayService } from './outbox/outbox-relay.service';

/** Kafka when KAFKA_BROKERS is set, else the in-process (PostgreSQL-backed) bus. */
export function createIntegrationBus(config: AppConfig, pool: Pool): IntegrationBus {
  const logger = new Logger('IntegrationBus');
  const log = (message: string): void => logger.warn(message);
  return config.kafkaBrokers.length > 0
    ? new KafkaIntegrationBus({ brokers: config.kafkaBrokers, log })
    : new InProcessIntegrationBus(pool, { log });
}

/**
 * Integration messaging: provides INTEGRATION_BUS and runs the outbox relay
 * (where workers run). Global, so any context can inject the bus; importing
 * it more than once is harmless.
 */
@Global()
@Module({
  providers: [
    { provide: INTEGRATION_BUS, inject: [APP_CONFIG, PG_POOL], useFactory: createIntegrationBus },
    OutboxRelayService,
  ],
  exports: [INTEGRATION_BUS, OutboxRelayService],
})
export class MessagingModule {}
