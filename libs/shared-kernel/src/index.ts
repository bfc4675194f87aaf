export * from './clock';
export * from './domain-error';
export * from './canonical-json';
export * from './hashing';
export * from './ids';
export * from './money';
export * from './national-id';
export * from './free-text';
