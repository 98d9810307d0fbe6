import { PassThrough, type Writable } from 'node:stream';
import { type Logger, StreamableFile } from '@nestjs/common';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A generated file as a download whose Chinese name survives every browser. */
export function download(content: Uint8Array | string, type: string, fileName: string): StreamableFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return new StreamableFile(bytes, {
    type,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}

/**
 * A file written while it is sent: `write` gets the response body and resolves when the file is
 * complete. Whatever must fail as a JSON error is to be checked before this is called; a failure
 * of `write` once bytes have gone out is logged and aborts the response (the client sees a
 * broken download, not a short file that looks complete).
 */
export function streamedDownload(
  write: (out: Writable) => Promise<unknown>,
  type: string,
  fileName: string,
  logger: Logger,
): StreamableFile {
  const body = new PassThrough();
  write(body).catch((err: unknown) => {
    logger.error(`下载中断：${fileName}：${err instanceof Error ? err.message : String(err)}`);
    body.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return new StreamableFile(body, {
    type,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}
