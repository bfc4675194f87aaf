export * from './meeting.events';
export * from './meeting.commands';
export * from './meeting.state';
export * from './meeting.evolve';
export * from './meeting.decide';
export * from './meeting.decider';
export * from './meeting-membership';
