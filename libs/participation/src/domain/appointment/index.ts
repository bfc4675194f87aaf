export * from './appointment.events';
export * from './appointment.commands';
export * from './appointment.state';
export * from './appointment.evolve';
export * from './appointment.decide';
export * from './appointment.decider';
