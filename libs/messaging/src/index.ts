// Integration messaging: the transactional outbox, the IntegrationBus port and its adapters.
export * from './integration-message';
export * from './integration-bus.port';
export * from './backoff';
export * from './outbox/enqueue';
export * from './outbox/outbox-relay';
export * from './outbox/outbox-relay.service';
export * from './in-process/in-process-integration-bus';
export * from './kafka/kafka-integration-bus';
export * from './messaging.module';
