'use strict';
// Unit specs sit next to their code (*.spec.ts); e2e and integration tests live in test/.
// Type checking is done once by `npm run typecheck`, so Jest only transpiles, with SWC (@swc/jest):
// several times faster than TypeScript's transpiler, which matters whenever Jest's cache is cold
// (a fresh clone, changed files). Its options keep what the TypeScript build emits (tsconfig.json):
// legacy decorators with their metadata (Nest injects constructor parameters by their type,
// TypeORM reads column types), ES2022 class fields, CommonJS with `import()` left as is (as
// module node16 does; pdfjs-dist is ES modules only). Source maps are kept apart from the code,
// read only when a failure's stack is printed.
// The @rectify/* names come from tsconfig.json's paths (scripts/lib-paths.js).
const { jestModuleNameMapper } = require('./scripts/lib-paths');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
  },
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: true,
};
const transform = { '^.+\\.ts$': ['@swc/jest', swc] };
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
