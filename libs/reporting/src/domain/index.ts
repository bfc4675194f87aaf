export * from './reality-thresholds';
export * from './participation-facts';
export * from './oslo-days';
export * from './involvement-indicators';
export * from './classify-project';
export * from './economy';
export * from './annual-report';
export * from './meeting-facts';
