import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { makeDocx } from '../../../../../test/support/make-docx';
import { decodeReport, MAX_REPORT_BYTES } from './decode-report';
import { ReportReadError } from './report-read-error';

const REPORT = '2023年度述职报告\n二、存在问题\n一是理论学习不深入。二是制度执行不严格。\n';

async function readError(bytes: Uint8Array): Promise<ReportReadError> {
  try {
    await decodeReport(bytes);
  } catch (err) {
    if (err instanceof ReportReadError) return err;
    throw err;
  }
  throw new Error('expected decodeReport to fail');
}

describe('decodeReport', () => {
  it.each([
    ['utf-8', Buffer.from(REPORT, 'utf8')],
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')])],
    ['utf-16be', iconv.encode(REPORT, 'utf16-be', { addBOM: true })],
    ['gb18030', iconv.encode(REPORT, 'gb18030')],
    ['gb18030', iconv.encode(REPORT, 'gbk')],
  ])('detects %s from the bytes and decodes the text exactly', async (encoding, bytes) => {
    const decoded = await decodeReport(bytes, 'report.txt');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(REPORT);
  });

  it('detects Big5 Traditional Chinese', async () => {
    const traditional =
      '2023年度黨支部書記述職報告\n二、存在問題\n一是理論學習不夠深入，學用結合不緊密。二是組織生活不夠規範。\n三、下一步工作打算\n';
    const decoded = await decodeReport(iconv.encode(traditional, 'big5'));
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toBe(traditional);
  });

  it('does not trust the file name: GBK bytes named .utf8.txt are still GBK', async () => {
    const decoded = await decodeReport(iconv.encode(REPORT, 'gbk'), 'report.utf8.txt');
    expect(decoded.text).toBe(REPORT);
  });

  it('reads the paragraphs of a .docx', async () => {
    const decoded = await decodeReport(await makeDocx(['二、存在问题', '一是理论学习不深入。']), 'r.docx');
    expect(decoded.format).toBe('docx');
    expect(decoded.text.trim()).toBe('二、存在问题\n一是理论学习不深入。');
  });

  it('refuses an empty file', async () => {
    expect((await readError(new Uint8Array())).code).toBe('FILE_EMPTY');
  });

  it('refuses a file over the size limit and names the limit', async () => {
    const err = await readError(new Uint8Array(MAX_REPORT_BYTES + 1).fill(0x41));
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toContain('10 MB');
  });

  it('refuses binary content', async () => {
    const err = await readError(
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x9c, 0x01]),
    );
    expect(err.code).toBe('BINARY_CONTENT');
  });

  it('refuses bytes that are no Chinese encoding, telling to save as UTF-8', async () => {
    const err = await readError(
      Buffer.from([0xff, 0xff, 0xfe, 0x80, 0x81, 0xfe, 0xff, 0x80, 0x30, 0xff, 0xfe, 0xfd]),
    );
    expect(err.code).toBe('UNDECODABLE_TEXT');
    expect(err.message).toContain('UTF-8');
  });

  it.each([
    ['liuan-2023.doc', 'doc'],
    ['liuan-2023.wps', 'doc'],
    ['liuan-2023.pdf', 'pdf'],
  ])('reads %s by its content, whatever its name', async (file, format) => {
    const bytes = readFileSync(join(__dirname, '../../../../../test/fixtures/reports', file));
    const decoded = await decodeReport(bytes, 'upload.bin');
    expect(decoded.format).toBe(format);
    expect(decoded.text).toContain('（二）组织生活质量有待提升。');
  });

  it.each([
    ['.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'DOC_UNREADABLE'],
    ['.pdf', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'PDF_UNREADABLE'],
  ])("answers a broken %s with its reader's advice to save as .docx", async (_name, magic, code) => {
    const err = await readError(Buffer.from(magic));
    expect(err.code).toBe(code);
    expect(err.message).toContain('.docx');
  });

  it('refuses a zip archive that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    const err = await readError(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(err.code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('refuses a corrupt .docx', async () => {
    const docx = await makeDocx(['正文']);
    const err = await readError(docx.subarray(0, 200));
    expect(['DOCX_UNREADABLE', 'UNSUPPORTED_FILE_TYPE']).toContain(err.code);
  });
});
