import { BuildLedgerUseCase, renderLedgerXlsx } from '@rectify/application';
import { ledgerDocument, renderMarkdown } from '@rectify/domain';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { optionValue, parseArgs, requiredOption } from '../parse-args';
import { emit } from './output';
import { writeOutputFile } from './write-output-file';
import { asOfOption, requiredYear } from './year-option';

export const LEDGER_USAGE =
  'rectify ledger --org NAME --year 问题年度 [--out ledger.xlsx|ledger.md] [--as-of YYYY-MM-DD] [--json]';

/** Writes the rectification ledger (整改台账) as .xlsx, or prints it as a Markdown table. */
export async function runLedger(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, { flags: ['json'], options: ['org', 'year', 'out', 'as-of'] });
  if (args.positionals.length !== 0) throw new CliError(`用法：${LEDGER_USAGE}`, EXIT_USAGE, 'USAGE');
  const outFile = optionValue(args, 'out');
  if (outFile && !/\.(xlsx|md)$/i.test(outFile)) {
    throw new CliError(
      `--out 应以 .xlsx 或 .md 结尾，收到"${outFile}"。用法：${LEDGER_USAGE}`,
      EXIT_USAGE,
      'USAGE',
    );
  }
  const ledger = await withRepositories((repositories) =>
    new BuildLedgerUseCase(repositories).execute({
      organisationName: requiredOption(args, 'org', LEDGER_USAGE),
      problemYear: requiredYear(args, 'year', LEDGER_USAGE),
      asOf: asOfOption(args),
    }),
  );
  if (args.flags.has('json')) {
    emit(out, true, ledger, () => '');
    return;
  }
  const markdown = renderMarkdown(ledgerDocument(ledger.title, ledger.rows));
  if (!outFile) {
    out(markdown);
    return;
  }
  const content = outFile.toLowerCase().endsWith('.xlsx')
    ? await renderLedgerXlsx({
        title: ledger.title,
        rows: ledger.rows,
        generatedAt: new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
      })
    : markdown;
  writeOutputFile(outFile, content);
  out(`已写入 ${outFile}：${ledger.title}，共 ${ledger.rows.length} 行。\n`);
}
