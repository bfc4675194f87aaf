// The fault suite (test/fault, *.fault.spec.ts): the compiled app in processes of its
// own against a PostgreSQL each test starts and kills. One file at a time, no shared
// embedded server. `npm run test:fault`; .ci/run runs it after `npm test`.
const base = require('./jest.config.js');

const unit = base.projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  displayName: 'fault',
  testMatch: ['**/*.fault.spec.ts'],
  maxWorkers: 1,
  testTimeout: 120000,
};
