// The pure domain of the yearly account: deciders, events, aggregation. No Nest, no I/O.
export * from './vocabulary';
export * from './representation/breadth-attributes';
export * from './representation/representation.events';
export * from './representation/representation';
export * from './training/training';
export * from './action-plan/measure';
export * from './action-plan/budget';
export * from './breadth/breadth';
export * from './account/yearly-account';
