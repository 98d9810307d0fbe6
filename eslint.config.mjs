// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const APPS = ['**/apps/**', '**/api/src/**', '**/worker/src/**', '**/cli/src/**', '**/standalone/src/**'];
const INFRASTRUCTURE = [
  'typeorm',
  'pg',
  '@electric-sql/*',
  'bullmq',
  'ioredis',
  '@nestjs/*',
  'nodemailer',
  'express',
];

/**
 * One no-restricted-imports block per part: `forbidden` names whole modules (and their
 * subpaths), `patterns` are gitignore-style module patterns.
 * @param {{ files: string[]; why: string; forbidden: string[]; patterns: string[] }[]} parts
 */
function boundaries(parts) {
  return parts.map(({ files, why, forbidden, patterns }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbidden.map((name) => ({ name, message: why })),
          patterns: [
            ...forbidden.map((name) => ({ group: [`${name}/*`], message: why })),
            ...(patterns.length ? [{ group: patterns, message: why }] : []),
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.run/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The allowed arrows between the parts (docs/ARCHITECTURE.md). A forbidden import fails lint;
  // test/architecture/boundaries.e2e-spec.ts plants one of each to prove it.
  ...boundaries([
    {
      files: ['libs/domain/**/*.ts'],
      why: 'libs/domain is pure: no lifecycle, database, queue, HTTP or app',
      forbidden: ['@rectify/workflow', '@rectify/persistence', '@rectify/application', '@rectify/queue'],
      patterns: [...APPS, ...INFRASTRUCTURE],
    },
    {
      files: ['libs/workflow/**/*.ts'],
      why: 'libs/workflow (the machine and the access rules) knows no database, queue or app',
      forbidden: ['@rectify/persistence', '@rectify/application', '@rectify/queue'],
      patterns: [...APPS, ...INFRASTRUCTURE],
    },
    {
      files: ['libs/persistence/**/*.ts'],
      why: 'libs/persistence implements the ports; it does not call use cases or apps',
      forbidden: ['@rectify/application', '@rectify/queue'],
      patterns: [...APPS],
    },
    {
      files: ['libs/config/**/*.ts', 'libs/queue/**/*.ts'],
      why: 'configuration and the queue module sit below the application',
      forbidden: ['@rectify/application', '@rectify/persistence', '@rectify/workflow', '@rectify/domain'],
      patterns: [...APPS],
    },
    {
      files: ['libs/application/**/*.ts'],
      why: 'use cases are called by apps, never the other way round',
      forbidden: [],
      patterns: [...APPS],
    },
    {
      files: ['apps/api/**/*.ts'],
      why: 'the API and the worker are separate processes: share code through libs/',
      forbidden: [],
      patterns: ['**/worker/src/**', '**/apps/worker/**'],
    },
    {
      files: ['apps/worker/**/*.ts'],
      why: 'the API and the worker are separate processes: share code through libs/',
      forbidden: [],
      patterns: ['**/api/src/**', '**/apps/api/**'],
    },
    {
      files: ['apps/web/src/**/*.{ts,tsx}'],
      why: 'the web UI talks to the server only through the generated API client',
      forbidden: [],
      patterns: ['**/libs/**', '@rectify/*', '@rectify/*/**', '**/apps/api/**', '**/apps/worker/**'],
    },
  ]),
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
