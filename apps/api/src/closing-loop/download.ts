import { StreamableFile } from '@nestjs/common';

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
