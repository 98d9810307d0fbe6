import { readErrorOf, reportFixture } from './decode.fixtures';
import fc from 'fast-check';
import { DOC_UNREADABLE_MESSAGE, readDocReport } from './doc-to-text';
import { openOleCompoundFile } from './ole-compound-file';
import { ReportReadError } from './report-read-error';

const fixture = reportFixture;
const DOC = fixture('liuan-2023.doc');

const readError = (bytes: Uint8Array) => readErrorOf(() => readDocReport(bytes));

/** A copy of the .doc with a 16-bit word of its FIB (WordDocument stream) replaced. */
function withFibWord(at: number, value: (old: number) => number): Buffer {
  const bytes = Buffer.from(DOC);
  const stream = openOleCompoundFile(bytes).rootStreams.get('WordDocument');
  const offset = (stream?.pieces[0].offset as number) + at;
  bytes.writeUInt16LE(value(bytes.readUInt16LE(offset)), offset);
  return bytes;
}

describe('readDocReport', () => {
  it('reads the body of a Word 97 document one paragraph per line, keeping Chinese quotation marks', async () => {
    const report = await readDocReport(DOC);
    expect(report).toEqual(expect.objectContaining({ format: 'doc', encoding: 'utf-8', tables: [] }));
    const lines = report.text.split('\n');
    expect(lines[0]).toBe('中共柳岸社区第二支部委员会2023年度党建工作述职报告');
    expect(lines).toEqual(
      expect.arrayContaining([
        '二、存在问题',
        '（一）理论学习的系统性不强。支部学习多以读文件、听讲座为主，专题研讨次数偏少，部分党员学用结合不够紧密，运用理论指导社区工作的能力还有差距。',
        '（二）组织生活质量有待提升。“三会一课”有时流于形式，主题党日活动内容较为单一，对流动党员和老年党员参加组织生活的安排还不够灵活。',
        '1. 完善学习制度，每季度至少开展一次专题研讨，推动理论学习与社区治理相结合。',
      ]),
    );
    expect(report.text.endsWith('2024年1月15日\n')).toBe(true);
  });

  it('leaves out the header, the page-number footer, the footnote and the comment', async () => {
    const { text } = await readDocReport(DOC);
    expect(text).not.toContain('柳岸社区第二党支部\n');
    expect(text).not.toMatch(/— ?\d+ ?—|- \d+ -/);
    expect(text).not.toContain('脚注');
    expect(text).not.toContain('批注');
  });

  it('reads a .wps file saved in the Word 97 format like a .doc', async () => {
    expect((await readDocReport(fixture('liuan-2023.wps'))).text).toBe((await readDocReport(DOC)).text);
  });

  it('says a .doc saved with an opening password is encrypted and how to remove the password', async () => {
    const err = await readError(fixture('liuan-2023-password.doc'));
    expect(err.code).toBe('FILE_ENCRYPTED');
    expect(err.message).toContain('打开密码');
    expect(err.message).toContain('另存');
  });

  it('says a password-protected .docx (an encrypted package) is encrypted, not damaged', async () => {
    const err = await readError(fixture('liuan-2023-password.docx'));
    expect(err.code).toBe('FILE_ENCRYPTED');
  });

  it('refuses a compound file that holds no Word document as another type', async () => {
    const err = await readError(fixture('problem-list.xls'));
    expect(err.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(err.message).toContain('不是 Word 文档');
  });

  it('names Word 95 and older documents, which it cannot read', async () => {
    const err = await readError(withFibWord(2, () => 0x68));
    expect(err.code).toBe('DOC_UNREADABLE');
    expect(err.message).toContain('Word 95');
  });

  it('answers a truncated or damaged .doc with DOC_UNREADABLE and advice, never the library message', async () => {
    const truncated = await readError(DOC.subarray(0, 1500));
    expect(truncated).toEqual(
      expect.objectContaining({ code: 'DOC_UNREADABLE', message: DOC_UNREADABLE_MESSAGE }),
    );
    // The piece table's position (fcClx, FIB 0x01A2) pointing past the table stream.
    const broken = await readError(withFibWord(0x01a2, () => 0xfff0));
    expect(broken).toEqual(
      expect.objectContaining({ code: 'DOC_UNREADABLE', message: DOC_UNREADABLE_MESSAGE }),
    );
    expect(broken.message).toContain('另存为 .docx');
  });

  it('answers any damaged copy of a real .doc with text or a ReportReadError, never a crash or a hang', async () => {
    const wordDocument = openOleCompoundFile(DOC).rootStreams.get('WordDocument');
    const fibAt = wordDocument?.pieces[0].offset as number;
    await fc.assert(
      fc.asyncProperty(
        // Edits in the compound file's header and in the FIB, where the tables' positions are.
        fc.array(
          fc.tuple(
            fc.oneof(fc.nat(511), fc.integer({ min: fibAt, max: fibAt + 0x01b0 })),
            fc.integer({ min: 0, max: 255 }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        async (edits) => {
          const bytes = Buffer.from(DOC);
          for (const [at, value] of edits) bytes[at] = value;
          try {
            await readDocReport(bytes);
          } catch (err) {
            if (!(err instanceof ReportReadError)) throw err;
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
