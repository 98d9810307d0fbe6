import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { MAX_REPORT_BYTES } from '@rectify/domain';
import { CliError, EXIT_BAD_INPUT } from '../cli-error';

/** Reads a report file, refusing what is missing, not a file, or over the size limit. */
export function readReportFile(file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile())
      throw new CliError(`${file}: 不是文件，请指定一个报告文件。`, EXIT_BAD_INPUT, 'NOT_A_FILE');
    size = stat.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: 找不到文件，请检查路径是否正确。`, EXIT_BAD_INPUT, 'FILE_NOT_FOUND');
  }
  if (size > MAX_REPORT_BYTES) {
    throw new CliError(
      `${file}: 文件过大（${(size / 1024 / 1024).toFixed(1)} MB）：报告文件不能超过 10 MB。`,
      EXIT_BAD_INPUT,
      'FILE_TOO_LARGE',
    );
  }
  // Read at most the limit, so a file that grows while we read cannot exhaust memory.
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(size);
    const n = readSync(fd, buf, 0, size, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
