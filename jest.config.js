// Test tiers are chosen by file name: *.unit.spec.ts (pure, no database),
// *.int.spec.ts (real PostgreSQL), *.e2e.spec.ts (through HTTP).
// One embedded PostgreSQL serves the whole run (or DATABASE_URL when set);
// each test file gets a database of its own (libs/testing).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
};

module.exports = {
  maxWorkers: 2,
  testTimeout: 60000,
  globalSetup: '<rootDir>/libs/testing/src/postgres/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/postgres/global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['**/*.int.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'] },
  ],
};
