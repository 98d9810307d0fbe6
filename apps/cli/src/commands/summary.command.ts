import { SummariseOrganisationUseCase } from '@rectify/application';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { optionValue, parseArgs, requiredOption } from '../parse-args';
import { emitDocument } from './emit-document';
import { documentFormat } from './write-output-file';
import { asOfOption, requiredYear } from './year-option';

export const SUMMARY_USAGE =
  'rectify summary --org NAME --year 问题年度 [--format text|md|docx] [--out FILE] [--as-of YYYY-MM-DD] [--json]';

/** Prints or writes a supervisor's summary for an organisation and those below it. */
export async function runSummary(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'], options: ['org', 'year', 'format', 'out', 'as-of'] });
  if (args.positionals.length !== 0) throw new CliError(`用法：${SUMMARY_USAGE}`, EXIT_USAGE, 'USAGE');
  const outFile = optionValue(args, 'out');
  const format = documentFormat(optionValue(args, 'format'), outFile, SUMMARY_USAGE);
  const result = await withRepositories((repositories) =>
    new SummariseOrganisationUseCase(repositories).execute({
      organisationName: requiredOption(args, 'org', SUMMARY_USAGE),
      problemYear: requiredYear(args, 'year', SUMMARY_USAGE),
      asOf: asOfOption(args),
    }),
  );
  await emitDocument(out, {
    document: result.document,
    data: result.summary,
    json: args.flags.has('json'),
    format,
    outFile,
    written: result.document.title,
  });
}
