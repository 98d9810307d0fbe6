import { GenerateLastYearSectionUseCase } from '@rectify/application';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { optionValue, parseArgs, requiredOption } from '../parse-args';
import { emitDocument } from './emit-document';
import { documentFormat } from './write-output-file';
import { asOfOption, requiredYear } from './year-option';

export const SECTION_USAGE =
  'rectify section --org NAME --year 报告年度 [--format text|md|docx] [--out FILE] [--as-of YYYY-MM-DD] [--json]';

/** Prints or writes the 上年度整改情况 of the organisation's report for --year. */
export async function runSection(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'], options: ['org', 'year', 'format', 'out', 'as-of'] });
  if (args.positionals.length !== 0) throw new CliError(`用法：${SECTION_USAGE}`, EXIT_USAGE, 'USAGE');
  const outFile = optionValue(args, 'out');
  const format = documentFormat(optionValue(args, 'format'), outFile, SECTION_USAGE);
  const organisationName = requiredOption(args, 'org', SECTION_USAGE);
  const reportYear = requiredYear(args, 'year', SECTION_USAGE);
  const result = await withRepositories((repositories) =>
    new GenerateLastYearSectionUseCase(repositories).execute({
      organisationName,
      reportYear,
      asOf: asOfOption(args),
    }),
  ).catch((err: unknown) => {
    // The use case's words suit every channel; at the command line, the command that helps.
    if (err instanceof CliError && err.code === 'NO_TRACKED_ITEMS') {
      const hint = `rectify import 文件 --org ${organisationName} --year ${reportYear - 1}`;
      throw new CliError(`${err.message}（导入：${hint}）`, err.exitCode, err.code);
    }
    throw err;
  });
  await emitDocument(out, {
    document: result.document,
    data: result.section,
    json: args.flags.has('json'),
    format,
    outFile,
    written: `${result.organisation.name}，${result.section.heading}，共 ${result.section.paragraphs.length} 个问题`,
  });
}
