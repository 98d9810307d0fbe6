import { type TextEncoding } from '../extraction-result';
import { decodeText } from './detect-encoding';
import { readDocReport } from './doc-to-text';
import { readDocx } from './docx/read-docx';
import { ReportReadError, SUPPORTED_REPORT_FORMATS } from './report-read-error';
import { isCsvFileName } from './csv-to-table';
import { readCsvReport, readXlsxReport } from './spreadsheet-report';
import { isXlsWorkbook, xlsNotSupported } from './xls-workbook';
import { isXlsxZip } from './xlsx-to-tables';
import { readPdfReport } from './pdf-to-text';

/** Reports are a few dozen KB; 10 MiB leaves room for .docx files with embedded images. */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

export type ReportFormat = 'text' | 'docx' | 'doc' | 'pdf' | 'xlsx' | 'xls' | 'csv';

/** A table of a document or a sheet of a workbook: rows of cell texts (a cell's lines joined by \n). */
export interface DecodedTable {
  rows: string[][];
  /** The sheet's name for a workbook; null for a table inside a document. */
  sheet: string | null;
}

export interface DecodedReport {
  /** The running text, one paragraph per line. */
  text: string;
  encoding: TextEncoding;
  format: ReportFormat;
  /** Tables read as tables (问题清单 / 整改台账); other tables are part of `text`. */
  tables: DecodedTable[];
  /** What the reader could not take in (text boxes skipped, …), in Chinese for people. */
  warnings: string[];
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Turns uploaded bytes into report text, choosing the reader from the content, not the name.
 * A zip archive is read as a .docx under DOCX_LIMITS (see docx/read-docx.ts). Throws
 * ReportReadError with a Chinese message and a stable code.
 */
export async function decodeReport(bytes: Uint8Array, fileName = ''): Promise<DecodedReport> {
  if (bytes.length === 0) {
    throw new ReportReadError('FILE_EMPTY', '文件为空：请选择包含报告正文的文件。');
  }
  if (bytes.length > MAX_REPORT_BYTES) {
    throw new ReportReadError(
      'FILE_TOO_LARGE',
      `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB）：报告文件不能超过 10 MB。请删除文中图片或另存为 .txt 后上传。`,
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (await isXlsxZip(bytes)) return readXlsxReport(bytes);
    const docx = await readDocx(bytes, fileName);
    return {
      text: docx.text,
      encoding: 'utf-8',
      format: 'docx',
      tables: docx.tables.map((rows) => ({ rows, sheet: null })),
      warnings: docx.warnings,
    };
  }
  if (isXlsWorkbook(bytes)) throw xlsNotSupported();
  // Any other compound file (D0 CF 11 E0): .doc / .wps, or the reason it is none (doc-to-text.ts).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return readDocReport(bytes);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return readPdfReport(bytes);
  if (isCsvFileName(fileName)) return readCsvReport(bytes);
  const legacy = legacyFormat(bytes);
  if (legacy) {
    throw new ReportReadError(
      'UNSUPPORTED_FILE_TYPE',
      legacy === '图片'
        ? `不支持图片格式：请先进行文字识别（OCR），或上传 ${SUPPORTED_REPORT_FORMATS} 格式的报告。`
        : `不支持${legacy}格式：请用 Word/WPS 另存为 .docx，或上传 ${SUPPORTED_REPORT_FORMATS} 格式的报告。`,
    );
  }
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) {
    throw new ReportReadError(
      'BINARY_CONTENT',
      `文件不是文本：内容中含有大量控制字符。请上传 ${SUPPORTED_REPORT_FORMATS} 格式的报告。`,
    );
  }
  return { text, encoding, format: 'text', tables: [], warnings: [] };
}

function legacyFormat(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return ' RTF ';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return '图片';
  return null;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}
