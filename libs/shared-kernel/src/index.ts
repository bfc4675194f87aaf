export * from './clock';
export * from './domain-error';
export * from './canonical-json';
export * from './hashing';
export * from './ids';
export * from './money';
export * from './money-bounds';
export * from './text-characters';
