import { readErrorOf, reportFixture } from './decode.fixtures';
import { createDeflate } from 'node:zlib';
import { HELVETICA, makePdf, textPage } from '../../../../../test/support/make-pdf';
import { PDF_LIMITS, PDF_NO_TEXT_MESSAGE, readPdfReport } from './pdf-to-text';

const fixture = reportFixture;

const readError = (bytes: Uint8Array) => readErrorOf(() => readPdfReport(bytes));

/** zlib data of `bytes` zero bytes, compressed a MiB at a time (about 1 KB per MiB). */
function deflatedZeros(bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const deflate = createDeflate({ level: 9 });
    deflate.on('data', (c: Buffer) => chunks.push(c));
    deflate.on('end', () => resolve(Buffer.concat(chunks)));
    deflate.on('error', reject);
    const mib = Buffer.alloc(1024 * 1024);
    let left = bytes;
    const write = () => {
      while (left > 0) {
        const n = Math.min(left, mib.length);
        left -= n;
        if (!deflate.write(mib.subarray(0, n))) return void deflate.once('drain', write);
      }
      deflate.end();
    };
    write();
  });
}

describe('readPdfReport', () => {
  it('reads the text layer of a report exported by LibreOffice, one paragraph per line', async () => {
    const report = await readPdfReport(fixture('liuan-2023.pdf'));
    expect(report).toEqual(expect.objectContaining({ format: 'pdf', encoding: 'utf-8', tables: [] }));
    const lines = report.text.split('\n');
    expect(lines[0]).toBe('中共柳岸社区第二支部委员会2023年度党建工作述职报告');
    expect(lines).toEqual(
      expect.arrayContaining([
        '二、存在问题',
        '（一）理论学习的系统性不强。支部学习多以读文件、听讲座为主，专题研讨次数偏少，部分党员学用结合不够紧密，运用理论指导社区工作的能力还有差距。',
        '（二）组织生活质量有待提升。“三会一课”有时流于形式，主题党日活动内容较为单一，对流动党员和老年党员参加组织生活的安排还不够灵活。',
        '（三）服务群众的精准度不够。对居民诉求的收集渠道不多，部分问题办理后回访不及时，志愿服务项目与居民实际需求结合得不够紧密。',
        '四、下步工作打算',
      ]),
    );
  });

  it('keeps the header repeated on every page and the page numbers out of the text', async () => {
    const { text } = await readPdfReport(fixture('liuan-2023.pdf'));
    expect(text).not.toContain('柳岸社区第二党支部\n');
    expect(text).not.toMatch(/^—\s*\d+\s*—$/mu);
    expect(text.split('\n').filter((l) => /^\d+$/.test(l))).toEqual([]);
  });

  it('answers a scan without a text layer with PDF_NO_TEXT and what to do, not an empty report', async () => {
    const err = await readError(fixture('scanned.pdf'));
    expect(err.code).toBe('PDF_NO_TEXT');
    expect(err.message).toBe(PDF_NO_TEXT_MESSAGE);
  });

  it('takes pages with only a page number each for a scan too', async () => {
    const pages = ['1', '2', '3'].map((n) => textPage([n]));
    expect((await readError(makePdf(pages, [HELVETICA]))).code).toBe('PDF_NO_TEXT');
  });

  it('says a PDF with an opening password is encrypted', async () => {
    const err = await readError(fixture('liuan-2023-password.pdf'));
    expect(err.code).toBe('FILE_ENCRYPTED');
    expect(err.message).toContain('密码');
  });

  it('answers a damaged PDF with PDF_UNREADABLE and advice to upload the Word version', async () => {
    const err = await readError(fixture('liuan-2023.pdf').subarray(0, 4000));
    expect(err.code).toBe('PDF_UNREADABLE');
    expect(err.message).toContain('.docx');
  });

  it(`refuses a PDF of more than ${PDF_LIMITS.maxPages} pages before reading them`, async () => {
    const pages = Array.from({ length: PDF_LIMITS.maxPages + 1 }, () => textPage(['Page']));
    const err = await readError(makePdf(pages, [HELVETICA]));
    expect(err.code).toBe('PDF_LIMIT_EXCEEDED');
    expect(err.message).toContain(`${PDF_LIMITS.maxPages + 1} 页`);
  });

  it(`stops reading past ${PDF_LIMITS.maxChars} characters of text`, async () => {
    // pdf.js skips glyphs off the page, so the text is many short lines printed over each other.
    const line = `BT /F1 12 Tf 72 500 Td (${'A'.repeat(50)}) Tj ET\n`;
    const content = line.repeat(PDF_LIMITS.maxChars / 50 + 1);
    const page = { content, resources: '<< /Font << /F1 3 0 R >> >>' };
    const err = await readError(makePdf([page], [HELVETICA]));
    expect(err.code).toBe('PDF_LIMIT_EXCEEDED');
  });

  it('refuses a content stream that unpacks to more than 128 MiB before pdf.js allocates it', async () => {
    const bomb = await deflatedZeros(PDF_LIMITS.maxStreamBytes + 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const pdf = makePdf([{ content: bomb, filter: 'FlateDecode' }]);
    const err = await readError(pdf);
    expect(err.code).toBe('PDF_LIMIT_EXCEEDED');
    expect(err.message).toContain('解压后过大');
  });

  it('refuses LZW-compressed streams, whose unpacked size it cannot bound', async () => {
    const pdf = makePdf([
      { content: Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), filter: 'LZWDecode' },
    ]);
    const err = await readError(pdf);
    expect(err.code).toBe('PDF_UNREADABLE');
    expect(err.message).toContain('LZW');
  });

  it('reads a PDF written by hand with a standard font it does not embed', async () => {
    const pdf = makePdf(
      [textPage(['2023 Work Report of the Branch', 'Problems found this year: study was not deep enough.'])],
      [HELVETICA],
    );
    const { text } = await readPdfReport(pdf);
    expect(text).toContain('Problems found this year: study was not deep enough.');
  });
});
