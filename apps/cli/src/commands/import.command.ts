import { ImportReportUseCase, type ImportReportResult } from '@rectify/application';
import { type ItemSource } from '@rectify/domain';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { integerOption, optionValue, parseArgs, requiredOption } from '../parse-args';
import { formatReconciliation } from './format-reconciliation';
import { readReportFile } from './read-report-file';
import { emit } from './output';

export const IMPORT_USAGE =
  'rectify import REPORT_FILE --org NAME [--year YYYY] [--source self_inspection|superior_review|public_appraisal|inspection_tour] [--json]';

export async function runImport(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'], options: ['org', 'year', 'source'] });
  if (args.positionals.length !== 1) throw new CliError(`用法：${IMPORT_USAGE}`, EXIT_USAGE, 'USAGE');
  const organisationName = requiredOption(args, 'org', IMPORT_USAGE);
  const year = integerOption(args, 'year');
  if (year !== undefined && (year < 1990 || year > 2100)) {
    throw new CliError(`--year 应为1990至2100之间的年份，收到 ${year}。`, EXIT_USAGE, 'USAGE');
  }
  const file = args.positionals[0];
  const bytes = readReportFile(file);
  const result = await withRepositories((repositories) =>
    new ImportReportUseCase(repositories).execute({
      bytes,
      fileName: file,
      organisationName,
      year,
      source: optionValue(args, 'source') as ItemSource | undefined,
    }),
  );
  emit(
    out,
    args.flags.has('json'),
    {
      created: result.created,
      reportId: result.reportId,
      year: result.year,
      itemIds: result.itemIds,
      problems: result.extraction.problems.length,
      measures: result.extraction.measures.length,
      warnings: result.warnings,
      recurring: result.recurring,
      reconciliation: result.reconciliation,
    },
    () =>
      [
        result.created
          ? `已导入报告（${result.year ?? '年度未知'}）：新建整改事项 ${result.itemIds.length} 个。`
          : `报告此前已导入：未新建整改事项（已有 ${result.itemIds.length} 个）。`,
        ...result.warnings.map((w) => `  ! ${w}`),
        // Only a report with a last-year section (or last year's items to check it against) is worth a reconciliation.
        ...(result.created && result.reconciliation && hasSomethingToCheck(result.reconciliation)
          ? [formatReconciliation(result.reconciliation)]
          : []),
      ].join('\n'),
  );
}

function hasSomethingToCheck(r: NonNullable<ImportReportResult['reconciliation']>): boolean {
  return r.reconciliation.entries > 0 || r.reconciliation.trackedItems > 0;
}
