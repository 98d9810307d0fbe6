import { type ExtractionResult, extractReport, ReportReadError } from '@rectify/domain';
import { CliError, EXIT_BAD_INPUT, EXIT_USAGE } from '../cli-error';
import { readReportFile } from './read-report-file';
import { parseArgs } from '../parse-args';
import { formatExtractionSummary } from './format-extraction-summary';

export const EXTRACT_USAGE = 'rectify extract REPORT_FILE [--json]';

export async function runExtract(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'], options: [] });
  if (args.positionals.length !== 1) {
    throw new CliError(`用法：${EXTRACT_USAGE}`, EXIT_USAGE, 'USAGE');
  }
  const file = args.positionals[0];
  const bytes = readReportFile(file);
  let result: ExtractionResult;
  try {
    result = await extractReport(bytes, file);
  } catch (err) {
    if (err instanceof ReportReadError)
      throw new CliError(`${file}: ${err.message}`, EXIT_BAD_INPUT, err.code);
    throw err;
  }
  out(
    args.flags.has('json') ? `${JSON.stringify(result, null, 2)}\n` : formatExtractionSummary(file, result),
  );
}
