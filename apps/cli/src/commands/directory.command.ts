import { closeSync, openSync, readSync, statSync } from 'node:fs';
import {
  ApplicationError,
  ImportDirectoryUseCase,
  type ImportDirectoryResult,
  renderDirectoryTemplate,
} from '@rectify/application';
import { type DirectoryProblem, MAX_DIRECTORY_BYTES } from '@rectify/domain';
import { CliError, EXIT_BAD_INPUT, EXIT_USAGE } from '../cli-error';
import { EXIT_REFUSED, withRepositories } from '../database/with-database';
import { parseArgs } from '../parse-args';
import { emit } from './output';
import { writeOutputFile } from './write-output-file';

export const DIRECTORY_USAGE =
  'rectify directory import FILE.xlsx [--dry-run] [--json] | rectify directory template FILE.xlsx';

/**
 * `rectify directory import FILE`: the bulk import of organisations and people, as the operator
 * (everywhere), on the product's database; every problem is printed by row and the exit code is
 * 1, with nothing written. `--dry-run` checks and counts only. The new accounts' one-time
 * passwords are printed once. `rectify directory template FILE` writes the template.
 */
export async function runDirectory(argv: string[], out: (s: string) => void): Promise<void> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, { flags: ['json', 'dry-run'], options: [] });
  if (sub === 'template' && args.positionals.length === 1) {
    writeOutputFile(args.positionals[0], await renderDirectoryTemplate());
    out(`已写出模板：${args.positionals[0]}\n`);
    return;
  }
  if (sub !== 'import' || args.positionals.length !== 1)
    throw new CliError(`用法：${DIRECTORY_USAGE}`, EXIT_USAGE, 'USAGE');
  const bytes = readDirectoryFile(args.positionals[0]);
  const started = Date.now();
  const result = await withRepositories(({ directoryImport, viewers }) =>
    new ImportDirectoryUseCase(directoryImport, viewers)
      .execute({ by: 'operator', bytes, dryRun: args.flags.has('dry-run') })
      .catch((err: unknown) => {
        if (err instanceof ApplicationError && err.code === 'DIRECTORY_INVALID')
          throw new CliError(
            problemsText(err.details.problems as DirectoryProblem[]),
            EXIT_REFUSED,
            err.code,
          );
        throw err;
      }),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  emit(out, args.flags.has('json'), result, () => resultText(result, seconds));
}

function problemsText(problems: DirectoryProblem[]): string {
  return [
    `文件有 ${problems.length} 处问题，未导入任何内容。请改正后重新导入：`,
    ...problems.map((p) => `  第${p.row}行「${p.column}」：${p.message}`),
  ].join('\n');
}

function resultText(result: ImportDirectoryResult, seconds: string): string {
  const lines = [
    result.dryRun
      ? `检查通过（未写入）：${result.summary}。`
      : `已导入（${seconds} 秒）：${result.summary}。`,
    ...result.notices.map((n) => `  ! ${n}`),
  ];
  if (result.accounts.length > 0) {
    lines.push('新账号的一次性密码（只显示这一次，请妥善转交本人；首次登录须修改密码）：');
    for (const a of result.accounts)
      lines.push(`  ${a.username}\t${a.displayName}\t${a.organisationName}\t${a.oneTimePassword}`);
  }
  return lines.join('\n');
}

/** Reads the file, refusing what is missing, not a file, or over the size limit. */
function readDirectoryFile(file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new CliError(`${file}: 不是文件。`, EXIT_BAD_INPUT, 'NOT_A_FILE');
    size = stat.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: 找不到文件，请检查路径是否正确。`, EXIT_BAD_INPUT, 'FILE_NOT_FOUND');
  }
  if (size > MAX_DIRECTORY_BYTES)
    throw new CliError(
      `${file}: 文件过大（${(size / 1024 / 1024).toFixed(1)} MB）：批量导入的文件不能超过 ${MAX_DIRECTORY_BYTES / 1024 / 1024} MB。`,
      EXIT_BAD_INPUT,
      'FILE_TOO_LARGE',
    );
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(size);
    return buf.subarray(0, readSync(fd, buf, 0, size, 0));
  } finally {
    closeSync(fd);
  }
}
