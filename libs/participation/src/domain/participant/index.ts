export * from './participant.events';
export * from './participant.commands';
export * from './participant.state';
export * from './participant.evolve';
export * from './participant.decide';
export * from './participant.decider';
