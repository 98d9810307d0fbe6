import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The allowed arrows (docs/ARCHITECTURE.md) are enforced by lint. Each case plants one forbidden
 * import in a file of a part and expects `no-restricted-imports` to refuse it; the allowed
 * import beside it must pass, so the rule is not just refusing everything.
 */
const planted: { part: string; file: string; forbidden: string; allowed: string }[] = [
  {
    part: 'domain → workflow',
    file: 'libs/domain/src/planted.ts',
    forbidden: `import { allowedEvents } from '@rectify/workflow';`,
    allowed: `import { cleanText } from './text/clean-text';`,
  },
  {
    part: 'domain → persistence',
    file: 'libs/domain/src/closing-loop/planted.ts',
    forbidden: `import { openDatabase } from '@rectify/persistence';`,
    allowed: `import { isOpen } from '../lifecycle';`,
  },
  {
    part: 'domain → a database driver',
    file: 'libs/domain/src/planted.ts',
    forbidden: `import { DataSource } from 'typeorm';`,
    allowed: `import dayjs from 'dayjs';`,
  },
  {
    part: 'domain → apps',
    file: 'libs/domain/src/report/planted.ts',
    forbidden: `import { ItemsController } from '../../../../apps/api/src/items/items.controller';`,
    allowed: `import { extractReport } from './extract-report';`,
  },
  {
    part: 'workflow → persistence',
    file: 'libs/workflow/src/planted.ts',
    forbidden: `import { RectificationItemEntity } from '@rectify/persistence';`,
    allowed: `import { isOpen } from '@rectify/domain';`,
  },
  {
    part: 'workflow → apps',
    file: 'libs/workflow/src/access/planted.ts',
    forbidden: `import { main } from '../../../../apps/cli/src/main';`,
    allowed: `import { mayReadItem } from './item-access';`,
  },
  {
    part: 'persistence → application',
    file: 'libs/persistence/src/planted.ts',
    forbidden: `import { ApplicationError } from '@rectify/application';`,
    allowed: `import { isOpen } from '@rectify/domain';`,
  },
  {
    part: 'application → apps',
    file: 'libs/application/src/planted.ts',
    forbidden: `import { createApiApp } from '../../../apps/api/src/create-api-app';`,
    allowed: `import { isOpen } from '@rectify/domain';`,
  },
  {
    part: 'api → worker',
    file: 'apps/api/src/items/planted.ts',
    forbidden: `import { WorkerModule } from '../../../worker/src/worker.module';`,
    allowed: `import { ItemsController } from './items.controller';`,
  },
  {
    part: 'worker → api',
    file: 'apps/worker/src/planted.ts',
    forbidden: `import { AppModule } from '../../api/src/app.module';`,
    allowed: `import { WorkerModule } from './worker.module';`,
  },
  {
    part: 'web → libs by alias',
    file: 'apps/web/src/pages/planted.tsx',
    forbidden: `import { RECTIFICATION_STATUS_LABELS } from '@rectify/domain';`,
    allowed: `import { ApiError } from '../api/client';`,
  },
  {
    part: 'web → libs by path',
    file: 'apps/web/src/planted.ts',
    forbidden: `import { RECTIFICATION_STATUS_LABELS } from '../../../libs/domain/src/lifecycle';`,
    allowed: `import { ApiError } from './api/client';`,
  },
];

/** The no-restricted-imports messages for each planted text, linted in one child process. */
function restrictedImports(cases: { filePath: string; code: string }[]): string[][] {
  const out = execFileSync(process.execPath, [join(__dirname, '../support/lint-planted-imports.mjs')], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[][];
}

describe('architecture boundaries (lint)', () => {
  let results: string[][] = [];
  beforeAll(() => {
    results = restrictedImports(
      planted.flatMap(({ file, forbidden, allowed }) => [
        { filePath: file, code: `${forbidden}\nexport const planted = 1;\n` },
        { filePath: file, code: `${allowed}\nexport const planted = 1;\n` },
      ]),
    );
  });

  it.each(planted.map((p, i) => ({ ...p, i })))('refuses $part and allows the import beside it', ({ i }) => {
    expect(results[2 * i]).toHaveLength(1);
    expect(results[2 * i + 1]).toEqual([]);
  });
});
