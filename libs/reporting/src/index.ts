export * from './domain';
export * from './config/reporting-config';
export * from './paid-payouts.port';
export * from './queries/reader';
export * from './queries/participation-reality.queries';
export * from './queries/annual-report.queries';
export * from './html/annual-report.html';
export * from './reporting.module';
