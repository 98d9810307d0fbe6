import { type DecodedReport } from './decode-report';
import { runIsolated } from './isolated-worker';
import { openOleCompoundFile, type OleCompoundFile, OleStructureError } from './ole-compound-file';
import { ReportReadError } from './report-read-error';

/**
 * Bounds of the .doc / .wps reader, besides the 10 MiB file limit (MAX_REPORT_BYTES) and the
 * compound file checks of ole-compound-file.ts (OLE_LIMITS: sector chains inside the file and
 * acyclic, at most 4,096 directory entries), which run before the library sees the file.
 * word-extractor itself has no bounds (its piece and property tables are walked in quadratic
 * time), so it runs in a worker thread that is stopped past these.
 */
export const DOC_LIMITS = {
  /** Wall-clock time of word-extractor, in ms; a report of 100 pages takes well under a second. */
  timeoutMs: 20_000,
  /** JavaScript heap of that thread, in MiB. */
  maxHeapMb: 256,
} as const;

const ADVICE = '请用 Word/WPS 打开后另存为 .docx 再上传。';

/** What a user is told when a .doc / .wps cannot be read, whatever the library's reason. */
export const DOC_UNREADABLE_MESSAGE = `文件无法作为 Word 97–2003 文档（.doc / .wps）读取：文件可能已损坏。${ADVICE}`;

/** What a user is told about a file with an opening password, by format. */
export const ENCRYPTED_MESSAGES = {
  word: '文件设置了打开密码，无法读取：请在 Word/WPS 中打开文件，取消密码（文件→信息→保护文档→用密码进行加密，清空密码）后另存再上传。',
  office:
    '文件设置了打开密码，无法读取：请在 Word/WPS/Excel 中打开文件，取消密码（文件→信息→用密码进行加密，清空密码）后另存再上传。',
} as const;

/** FIB base (MS-DOC 2.5.2): wIdent at 0, nFib at 2, flags at 0x0A. */
const WORD_IDENT = 0xa5ec;
const FIB_WORD97 = 0xc1;
const F_ENCRYPTED = 0x0100;
const F_OBFUSCATED = 0x8000;

/** The script of the worker thread: word-extractor's body text, and whether text boxes hold text. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const WordExtractor = require(workerData.modulePath);
new WordExtractor().extract(Buffer.from(workerData.bytes)).then(
  (doc) => parentPort.postMessage({ ok: true, value: {
    body: doc.getBody({ filterUnicode: false }),
    textBoxes: doc.getTextboxes({ filterUnicode: false, includeHeadersAndFooters: false }).trim().length > 0,
  } }),
  (err) => parentPort.postMessage({ ok: false, name: String(err && err.name), message: String(err && err.message) }),
);
`;

/** True when a compound file holds a Word document (a `WordDocument` stream: .doc, WPS .wps). */
export function isWordCompoundFile(ole: OleCompoundFile): boolean {
  return ole.rootStreams.has('WordDocument');
}

/**
 * Reads the body text of a compound file: a Word 97–2003 .doc or a WPS Office .wps (the same
 * format), one paragraph per line; headers, footers, footnotes, endnotes, comments and text
 * boxes are left out (a warning names text boxes that hold text). Throws ReportReadError:
 * FILE_ENCRYPTED for a document with an opening password (and for any Office file encrypted as
 * an EncryptedPackage), UNSUPPORTED_FILE_TYPE for a compound file that is no Word document,
 * DOC_UNREADABLE for a damaged file or Word 95 and older, DOC_LIMIT_EXCEEDED past DOC_LIMITS.
 */
export async function readDocReport(bytes: Uint8Array): Promise<DecodedReport> {
  let ole: OleCompoundFile;
  try {
    ole = openOleCompoundFile(bytes);
  } catch (err) {
    if (err instanceof OleStructureError) {
      throw new ReportReadError('DOC_UNREADABLE', DOC_UNREADABLE_MESSAGE, { cause: err });
    }
    throw err;
  }
  if (ole.rootStreams.has('EncryptedPackage')) {
    throw new ReportReadError('FILE_ENCRYPTED', ENCRYPTED_MESSAGES.office);
  }
  if (!isWordCompoundFile(ole)) {
    throw new ReportReadError(
      'UNSUPPORTED_FILE_TYPE',
      `文件不是 Word 文档（Office 复合文档中没有 Word 正文）：${ADVICE}`,
    );
  }
  const fib = ole.readRootStream('WordDocument', 32) as Uint8Array;
  const view = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
  if (fib.length < 32 || view.getUint16(0, true) !== WORD_IDENT) {
    throw new ReportReadError('DOC_UNREADABLE', DOC_UNREADABLE_MESSAGE);
  }
  if (view.getUint16(2, true) < FIB_WORD97) {
    throw new ReportReadError('DOC_UNREADABLE', `文件是 Word 95 或更早版本的文档，无法读取：${ADVICE}`);
  }
  if (view.getUint16(0x0a, true) & (F_ENCRYPTED | F_OBFUSCATED)) {
    throw new ReportReadError('FILE_ENCRYPTED', ENCRYPTED_MESSAGES.word);
  }

  const outcome = await runIsolated<{ body: string; textBoxes: boolean }>(
    WORKER,
    { bytes, modulePath: require.resolve('word-extractor') },
    DOC_LIMITS,
  );
  if (outcome.kind === 'timeout' || outcome.kind === 'out_of_memory') {
    throw new ReportReadError(
      'DOC_LIMIT_EXCEEDED',
      `文件结构过于复杂，无法在限定时间和内存内读取：${ADVICE}`,
      { cause: outcome.kind },
    );
  }
  if (outcome.kind === 'error') {
    throw new ReportReadError('DOC_UNREADABLE', DOC_UNREADABLE_MESSAGE, {
      cause: new Error(`${outcome.name}: ${outcome.message}`),
    });
  }
  const warnings = outcome.value.textBoxes
    ? ['文档中文本框里的文字未读取：如文本框中有问题或措施，请将其移入正文后重新上传。']
    : [];
  return { text: normaliseBody(outcome.value.body), encoding: 'utf-8', format: 'doc', tables: [], warnings };
}

/** One paragraph per line: no trailing blanks, at most one empty line in a row, no leading/trailing empty lines. */
function normaliseBody(body: string): string {
  const lines = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u3000]+$/u, ''));
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
