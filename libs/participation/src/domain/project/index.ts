export * from './project.events';
export * from './project.commands';
export * from './project.state';
export * from './project.evolve';
export * from './project.decide';
export * from './project.decider';
