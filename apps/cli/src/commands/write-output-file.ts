import { writeFileSync } from 'node:fs';
import { CliError, EXIT_BAD_INPUT } from '../cli-error';

/** Writes a generated file, turning a bad path into a message that says which path and why. */
export function writeOutputFile(file: string, content: string | Uint8Array): void {
  try {
    writeFileSync(file, content);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '目录不存在' : '无法写入';
    throw new CliError(`${file}: ${reason}，请检查输出路径。`, EXIT_BAD_INPUT, 'OUTPUT_NOT_WRITABLE');
  }
}

export type DocumentFormat = 'text' | 'md' | 'docx';

/** The format asked for with --format, else the one the --out file's extension names. */
export function documentFormat(
  format: string | undefined,
  outFile: string | undefined,
  usage: string,
): DocumentFormat {
  const extension = outFile?.toLowerCase();
  const named = extension?.endsWith('.docx')
    ? 'docx'
    : extension?.endsWith('.md')
      ? 'md'
      : extension?.endsWith('.txt')
        ? 'text'
        : undefined;
  // Markdown in a file called .docx is a "corrupt document" in Word: refuse the mismatch.
  if (format !== undefined && named !== undefined && format !== named) {
    throw new CliError(
      `--format ${format} 与输出文件 ${outFile} 的类型不一致：请去掉 --format，或改用相应的扩展名。`,
      64,
      'USAGE',
    );
  }
  const chosen = format ?? named ?? 'text';
  if (chosen !== 'text' && chosen !== 'md' && chosen !== 'docx') {
    throw new CliError(`--format 只能是 text、md 或 docx，收到"${chosen}"。用法：${usage}`, 64, 'USAGE');
  }
  if (chosen === 'docx' && !outFile) {
    throw new CliError(
      `Word 文档需要用 --out 指定输出文件，如 --out 整改情况.docx。用法：${usage}`,
      64,
      'USAGE',
    );
  }
  return chosen;
}
