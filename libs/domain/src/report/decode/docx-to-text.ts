import mammoth from 'mammoth';
import { ReportReadError } from './report-read-error';

/**
 * The raw text of a .docx, one paragraph per line. mammoth reads only the package's own parts:
 * external references (linked images, remote templates) are never fetched.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value.replace(/\n{2,}/g, '\n');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ReportReadError(
      'DOCX_UNREADABLE',
      `无法读取 .docx 文件（${reason}）：文件可能已损坏或不是 Word 文档。请用 Word/WPS 打开后另存为 .docx 或 .txt 再上传。`,
    );
  }
}
