export * from './event-store.port';
export * from './errors';
export * from './event-hash';
export * from './postgres/postgres-event-store';
export * from './upcasting/upcaster-registry';
export * from './upcasting/upcasting-event-store';
