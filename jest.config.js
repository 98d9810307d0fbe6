'use strict';
// Unit specs sit next to their code (*.spec.ts); e2e and integration tests live in test/.
// Type checking is done once by `npm run typecheck`, so ts-jest only transpiles.
// The @rectify/* names come from tsconfig.json's paths (scripts/lib-paths.js).
const { jestModuleNameMapper } = require('./scripts/lib-paths');

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json', diagnostics: false }] };
const moduleNameMapper = jestModuleNameMapper();
const common = { rootDir: __dirname, testEnvironment: 'node', transform, moduleNameMapper };

module.exports = {
  // Real services on a shared, loaded machine: starting PGlite alone has taken 18 s here. A limit
  // against hangs, not a performance assertion (testTimeout is global: projects ignore it).
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // Jest's node environment; under scripts/test-suites.js each worker gets services of its own.
      testEnvironment: '<rootDir>/test/support/e2e-environment.js',
      // Once per run: the migrated PGlite snapshot in-memory test databases start from.
      globalSetup: '<rootDir>/test/support/e2e-global-setup.js',
    },
  ],
};
