import { ReconcileReportFileUseCase } from '@rectify/application';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { integerOption, parseArgs, requiredOption } from '../parse-args';
import { formatReconciliation } from './format-reconciliation';
import { emit } from './output';
import { readReportFile } from './read-report-file';

export const RECONCILE_USAGE = 'rectify reconcile REPORT_FILE --org NAME [--year 报告年度] [--json]';

/**
 * Checks a new report against the tracked items without importing it: its 上年度整改情况
 * against last year's items, and its problems against earlier years' problems.
 */
export async function runReconcile(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'], options: ['org', 'year'] });
  if (args.positionals.length !== 1) throw new CliError(`用法：${RECONCILE_USAGE}`, EXIT_USAGE, 'USAGE');
  const organisationName = requiredOption(args, 'org', RECONCILE_USAGE);
  const year = integerOption(args, 'year');
  const file = args.positionals[0];
  const bytes = readReportFile(file);
  const result = await withRepositories((repositories) =>
    new ReconcileReportFileUseCase(repositories).execute({ bytes, fileName: file, organisationName, year }),
  );
  emit(out, args.flags.has('json'), result, () => formatReconciliation(result));
}
