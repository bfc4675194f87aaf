export * from './notary';
