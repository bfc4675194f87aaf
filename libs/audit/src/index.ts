export * from './notary';
export * from './access-log/access-log';
