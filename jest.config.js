/**
 * `npm test` runs the unit specs (src/**\/*.spec.ts) and the e2e specs (test/**\/*.e2e-spec.ts).
 * Without DATABASE_URL the e2e specs run on an embedded PostgreSQL started once for the run; PGlite
 * serves one session, so the files then run one at a time. With DATABASE_URL they run in parallel.
 */
/** @type {import('jest').Config} */
module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts', 'tsx'],
  rootDir: '.',
  testRegex: '(src/.*\\.spec|test/.*\\.e2e-spec)\\.ts$',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  maxWorkers: process.env.DATABASE_URL ? 2 : 1,
  testTimeout: 30000,
};
