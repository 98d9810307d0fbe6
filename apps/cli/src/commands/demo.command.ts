import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SeedDemoDataUseCase } from '@rectify/application';
import { CliError, EXIT_USAGE } from '../cli-error';
import { PROJECT_ROOT, withRepositories } from '../database/with-database';
import { optionValue, parseArgs } from '../parse-args';
import { emit } from './output';

export const DEMO_USAGE = 'rectify demo [--reports DIR] [--json]';

/** Seeds the demo organisation tree, users and example reports (default ../shared/seeds). */
export async function runDemo(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'], options: ['reports'] });
  if (args.positionals.length !== 0) throw new CliError(`用法：${DEMO_USAGE}`, EXIT_USAGE, 'USAGE');
  const dir = resolve(optionValue(args, 'reports') ?? resolve(PROJECT_ROOT, '../shared/seeds'));
  const result = await withRepositories((repositories) =>
    new SeedDemoDataUseCase(repositories).execute({ reportsDir: existsSync(dir) ? dir : null }),
  );
  emit(out, args.flags.has('json'), result, () =>
    [
      `演示数据已就绪：${result.organisations} 个党组织，用户 ${result.users.join('、')}。`,
      result.reportsImported > 0
        ? `新导入示例报告 ${result.reportsImported} 份，建立整改事项 ${result.itemsCreated} 个。`
        : existsSync(dir)
          ? '示例报告此前已导入。'
          : `未找到示例报告目录 ${dir}，未导入报告。`,
    ].join('\n'),
  );
}
