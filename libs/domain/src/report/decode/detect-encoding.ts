import { type TextEncoding } from '../extraction-result';
import { COMMON_CHARACTERS } from '../../text/common-characters';
import { normalizeForMatching } from '../../text/normalize-for-matching';
import { ReportReadError, SUPPORTED_REPORT_FORMATS } from './report-read-error';

/**
 * Decodes the bytes of a plain-text report, detecting the encoding from the bytes themselves
 * (never from the file name): a BOM if there is one, else strict UTF-8, else the legacy Chinese
 * encodings GB18030 (a superset of GBK and GB2312) and Big5, whichever reads as Chinese.
 */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const IS_COMMON = new Uint8Array(0x10000);
for (let i = 0; i < COMMON_CHARACTERS.length; i++) IS_COMMON[COMMON_CHARACTERS.charCodeAt(i)] = 1;

/** A decoding that reads this well as Chinese needs no second opinion. */
const CONFIDENT_SCORE = 0.5;
const SCORE_SAMPLE = 4000;

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of Han characters that are common ones; wrong decodings score low. */
function chineseScore(text: string): number {
  const key = normalizeForMatching(text.slice(0, SCORE_SAMPLE));
  let han = 0;
  let common = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) {
      han++;
      common += IS_COMMON[c];
    }
  }
  return han === 0 ? 0 : common / han;
}

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  // ASCII-heavy UTF-16 has zero high bytes; Chinese UTF-16 has none but also no other NULs.
  if (oddZero > n / 8 && evenZero === 0) return 'utf-16le';
  if (evenZero > n / 8 && oddZero === 0) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: requireDecoded('utf-8', bytes.subarray(3), 'UTF-8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: requireDecoded('utf-16le', bytes.subarray(2), 'UTF-16'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: requireDecoded('utf-16be', bytes.subarray(2), 'UTF-16'), encoding: 'utf-16be' };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: requireDecoded(utf16, bytes, 'UTF-16'), encoding: utf16 };
  if (bytes.includes(0)) {
    throw new ReportReadError(
      'BINARY_CONTENT',
      `文件不是文本：内容中含有二进制数据。请上传 ${SUPPORTED_REPORT_FORMATS} 格式的报告。`,
    );
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const gb = strictDecode('gb18030', bytes);
  const gbScore = gb === null ? 0 : chineseScore(gb);
  if (gb !== null && gbScore >= CONFIDENT_SCORE) return { text: gb, encoding: 'gb18030' };
  const big5 = strictDecode('big5', bytes);
  const big5Score = big5 === null ? 0 : chineseScore(big5);
  const best: DecodedText | null =
    big5 !== null && big5Score > gbScore
      ? { text: big5, encoding: 'big5' }
      : gb !== null
        ? { text: gb, encoding: 'gb18030' }
        : null;
  if (!best || Math.max(gbScore, big5Score) < 0.3) {
    throw new ReportReadError(
      'UNDECODABLE_TEXT',
      '无法识别文件编码：内容既不是 UTF-8，也不是 GBK/GB18030 或 Big5 中文文本。请用记事本等工具另存为 UTF-8 编码后重新上传。',
    );
  }
  return best;
}

function requireDecoded(encoding: string, bytes: Uint8Array, label: string): string {
  const text = strictDecode(encoding, bytes);
  if (text === null) {
    throw new ReportReadError(
      'UNDECODABLE_TEXT',
      `文件以 ${label} 标记开头，但内容不是有效的 ${label} 文本：文件可能已损坏，请重新导出后上传。`,
    );
  }
  return text;
}
