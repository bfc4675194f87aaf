export * from './message';
export * from './calendar';
export * from './vocabulary';
export * from './rules';
export * from './field-checks';
export * from './sealed';
