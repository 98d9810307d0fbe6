import mammoth from 'mammoth';
import { openDocxPackage } from './docx-package';
import { DOCX_UNREADABLE_MESSAGE, ReportReadError } from './report-read-error';

/** mammoth reads an already opened package through its (undocumented in the typings) `file` input. */
type MammothFileInput = Parameters<typeof mammoth.extractRawText>[0];

/**
 * The raw text of a .docx, one paragraph per line. The package is opened under DOCX_LIMITS
 * (see docx-package.ts), so a zip bomb or an XML part too costly to parse is refused before it
 * is unpacked or parsed. mammoth reads only the package's own parts: external references
 * (linked images, remote templates) are never fetched.
 *
 * Throws ReportReadError: UNSUPPORTED_FILE_TYPE for a zip archive without `word/document.xml`
 * (`fileName` is only named in that message), DOCX_LIMIT_EXCEEDED, or DOCX_UNREADABLE with a
 * fixed Chinese message whatever the reader's own reason.
 */
export async function docxToText(bytes: Uint8Array, fileName = ''): Promise<string> {
  const docx = await openDocxPackage(bytes);
  if (!docx.exists('word/document.xml')) {
    throw new ReportReadError(
      'UNSUPPORTED_FILE_TYPE',
      `不支持的文件类型${fileName ? `（${fileName}）` : ''}：这是一个压缩包而不是 Word 文档。请上传 .docx、.txt 或 .md 格式的报告。`,
    );
  }
  try {
    const { value } = await mammoth.extractRawText({ file: docx } as unknown as MammothFileInput);
    return value.replace(/\n{2,}/g, '\n');
  } catch (err) {
    if (err instanceof ReportReadError) throw err;
    throw new ReportReadError('DOCX_UNREADABLE', DOCX_UNREADABLE_MESSAGE, { cause: err });
  }
}
