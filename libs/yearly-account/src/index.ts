export * from './domain';
export * from './application/consent-giver';
export * from './application/yearly-account.commands';
export * from './queries/yearly-account.queries';
export * from './queries/breadth.queries';
export * from './html/yearly-account.html';
export * from './yearly-account.module';
