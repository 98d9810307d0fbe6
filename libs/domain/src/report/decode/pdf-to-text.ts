import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DecodedReport } from './decode-report';
import { runIsolated } from './isolated-worker';
import { type PdfPageText, pdfPagesToText } from './pdf-layout';
import { checkPdfStreams, PDF_STREAM_LIMITS } from './pdf-streams';
import { ReportReadError } from './report-read-error';

/**
 * Bounds of the .pdf reader, besides the 10 MiB file limit (MAX_REPORT_BYTES) and the unpacked
 * stream sizes of PDF_STREAM_LIMITS (pdf-streams.ts), checked first. pdf.js runs in a worker
 * thread, stopped past the time and heap bounds; pages and characters are counted as it reads.
 */
export const PDF_LIMITS = {
  /** Pages: a report has a few dozen; a longer PDF is refused before any page is read. */
  maxPages: 200,
  /** Characters of text read from all pages (a 200-page report has about 200,000). */
  maxChars: 1_000_000,
  /** Under this many characters per page on average (after headers, footers and page numbers), the PDF is a scan. */
  minCharsPerPage: 20,
  /** Wall-clock time of pdf.js, in ms. */
  timeoutMs: 30_000,
  /** JavaScript heap of that thread, in MiB. */
  maxHeapMb: 512,
  ...PDF_STREAM_LIMITS,
} as const;

const ADVICE = '请上传报告的 Word 版本（.docx），或用 WPS/Word 重新导出 PDF 后上传。';

export const PDF_NO_TEXT_MESSAGE =
  '该 PDF 是扫描件，没有可读取的文字：请上传Word版本或先进行文字识别（OCR）后再上传。';

/**
 * pdf.js in the worker: the legacy (Node) build, its worker code loaded in the same thread (no
 * worker of its own), no eval, no font loading, no network; CMaps (which map the character
 * codes of Chinese fonts that are not embedded) read from the package's own folder.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfUrl);
  globalThis.pdfjsWorker = await import(workerData.workerUrl);
  const task = pdfjs.getDocument({
    data: workerData.bytes,
    cMapUrl: workerData.cMapDir,
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  if (doc.numPages > workerData.maxPages) {
    parentPort.postMessage({ ok: false, name: 'TooManyPages', message: String(doc.numPages) });
    return;
  }
  const pages = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = [];
    for (const it of content.items) {
      if (typeof it.str !== 'string') continue;
      chars += it.str.length;
      items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height, hasEOL: it.hasEOL });
    }
    if (chars > workerData.maxChars) {
      parentPort.postMessage({ ok: false, name: 'TooMuchText', message: String(chars) });
      return;
    }
    pages.push({ items });
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ ok: true, value: pages });
})().catch((err) => parentPort.postMessage({ ok: false, name: String(err && err.name), message: String(err && err.message) }));
`;

function pdfjsFiles() {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    pdfUrl: pathToFileURL(join(root, 'legacy/build/pdf.mjs')).href,
    workerUrl: pathToFileURL(join(root, 'legacy/build/pdf.worker.mjs')).href,
    cMapDir: `${join(root, 'cmaps')}/`,
  };
}

/**
 * Reads the text layer of a PDF (see pdf-layout.ts for how lines and paragraphs are rebuilt).
 * Throws ReportReadError: FILE_ENCRYPTED for a PDF that needs a password to open, PDF_NO_TEXT
 * for a scan without text, PDF_LIMIT_EXCEEDED past PDF_LIMITS, PDF_UNREADABLE for a damaged file.
 */
export async function readPdfReport(bytes: Uint8Array): Promise<DecodedReport> {
  const streams = await checkPdfStreams(bytes);
  if (streams === 'too_large') {
    throw new ReportReadError(
      'PDF_LIMIT_EXCEEDED',
      `PDF 内容解压后过大（单个数据流超过 128 MB 或合计超过 1 GB）：${ADVICE}`,
    );
  }
  if (streams === 'unchecked_filter') {
    throw new ReportReadError(
      'PDF_UNREADABLE',
      `PDF 使用了不再常用的压缩方式（LZW / RunLength），无法安全读取：${ADVICE}`,
    );
  }
  const outcome = await runIsolated<PdfPageText[]>(
    WORKER,
    { bytes, ...pdfjsFiles(), maxPages: PDF_LIMITS.maxPages, maxChars: PDF_LIMITS.maxChars },
    PDF_LIMITS,
  );
  if (outcome.kind === 'timeout' || outcome.kind === 'out_of_memory') {
    throw new ReportReadError(
      'PDF_LIMIT_EXCEEDED',
      `PDF 结构过于复杂，无法在限定时间和内存内读取：${ADVICE}`,
      { cause: outcome.kind },
    );
  }
  if (outcome.kind === 'error') throw pdfError(outcome.name, outcome.message);
  const pages = outcome.value;
  const text = pdfPagesToText(pages);
  const chars = text.replace(/\s/gu, '').length;
  if (pages.length === 0 || chars < PDF_LIMITS.minCharsPerPage * pages.length) {
    throw new ReportReadError('PDF_NO_TEXT', PDF_NO_TEXT_MESSAGE);
  }
  return { text, encoding: 'utf-8', format: 'pdf', tables: [], warnings: [] };
}

function pdfError(name: string, message: string): ReportReadError {
  const cause = new Error(`${name}: ${message}`);
  if (name === 'PasswordException') {
    return new ReportReadError(
      'FILE_ENCRYPTED',
      'PDF 设置了打开密码，无法读取：请上传未加密的 PDF 或报告的 Word 版本（.docx）。',
      { cause },
    );
  }
  if (name === 'TooManyPages') {
    return new ReportReadError(
      'PDF_LIMIT_EXCEEDED',
      `PDF 共 ${message} 页，超过 ${PDF_LIMITS.maxPages} 页的上限：请只上传报告本身，或拆分后分别上传。`,
      { cause },
    );
  }
  if (name === 'TooMuchText') {
    return new ReportReadError(
      'PDF_LIMIT_EXCEEDED',
      `PDF 文字超过 ${PDF_LIMITS.maxChars.toLocaleString('en-US')} 字的上限：请只上传报告本身。`,
      { cause },
    );
  }
  return new ReportReadError('PDF_UNREADABLE', `文件无法作为 PDF 读取：文件可能已损坏。${ADVICE}`, {
    cause,
  });
}
