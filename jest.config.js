/**
 * `npm test` runs two projects: `unit` (src/**\/*.spec.ts, no database) and `e2e`
 * (test/**\/*.e2e-spec.ts). `npm run test:unit` runs the unit project alone, in seconds.
 * The e2e specs start from global-setup.ts, which Jest runs only when an e2e spec is selected:
 * without DATABASE_URL they run on an embedded PostgreSQL started once for the run; PGlite serves
 * one session, so the files then run one at a time. With DATABASE_URL they run in parallel.
 */
const shared = {
  moduleFileExtensions: ['js', 'json', 'ts', 'tsx'],
  rootDir: '.',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testRegex: 'src/.*\\.spec\\.ts$' },
    {
      ...shared,
      displayName: 'e2e',
      testRegex: 'test/.*\\.e2e-spec\\.ts$',
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
  maxWorkers: process.env.DATABASE_URL ? 2 : 1,
  testTimeout: 30000,
};
