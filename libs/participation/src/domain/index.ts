// The pure domain of participation: deciders, events, commands, rules. No Nest, no I/O.
export * from './common';
export * from './project';
export * from './participant';
export * from './appointment';
export * from './involvement';
export * from './meeting';
export * from './personal-text-fields';
