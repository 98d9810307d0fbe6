import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { DOCX_LIMITS, type DocxLimits } from './docx-limits';
import { DOCX_UNREADABLE_MESSAGE, ReportReadError } from './report-read-error';
import { measureXmlShape, type XmlShapeProblem } from './xml-shape';

/**
 * A .docx (zip) package opened under `DocxLimits`: the central directory is read and checked
 * (entry count, declared sizes, compression ratios) before any entry is inflated; parts are
 * then inflated one at a time on demand, never past the size their directory entry declares
 * nor past the package's inflate budget, and text parts are measured (element count, depth,
 * no DTD) before they are handed on. `exists` and `read` are the interface mammoth's `file`
 * input expects.
 */
export interface DocxPackage {
  /** Whether the package has a part of that exact name (e.g. `word/document.xml`). */
  exists(name: string): boolean;
  /** Every entry name of the central directory (folders end with `/`). */
  entryNames(): string[];
  /** The part's bytes; with an `encoding` its text (an XML part), or base64 for `'base64'`. */
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

const MiB = 1024 * 1024;
const ADVICE = '请用 Word/WPS 打开后另存为 .docx 或 .txt 再上传。';

function limitExceeded(what: string): ReportReadError {
  return new ReportReadError('DOCX_LIMIT_EXCEEDED', `Word 文档超出读取限制：${what}。${ADVICE}`);
}

function unreadable(cause?: unknown): ReportReadError {
  return new ReportReadError('DOCX_UNREADABLE', DOCX_UNREADABLE_MESSAGE, { cause });
}

const SHAPE_MESSAGES: Record<XmlShapeProblem, (limits: DocxLimits) => ReportReadError> = {
  too_many_elements: (l) =>
    limitExceeded(`文档结构过于复杂（超过 ${l.maxXmlElements.toLocaleString('en-US')} 个 XML 元素）`),
  too_deep: (l) => limitExceeded(`文档结构嵌套过深（超过 ${l.maxXmlDepth} 层）`),
  doctype: () =>
    new ReportReadError(
      'DOCX_UNREADABLE',
      `文件无法作为Word文档读取：文档中含有 Word 文档不允许的 DTD 声明。${ADVICE}`,
    ),
};

/** The central directory's entries, refused as soon as one bound is passed. Inflates nothing. */
function checkedEntries(zip: yauzl.ZipFile, limits: DocxLimits): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > limits.maxEntries) {
    return Promise.reject(
      limitExceeded(`压缩包中有 ${zip.entryCount} 个文件，超过上限 ${limits.maxEntries} 个`),
    );
  }
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let declared = 0;
    const refuse = (err: ReportReadError) => {
      zip.close();
      reject(err);
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (declared > limits.maxDeclaredBytes) {
        return refuse(limitExceeded(`解压后超过 ${limits.maxDeclaredBytes / MiB} MB`));
      }
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
        return refuse(
          limitExceeded(`压缩比异常（${Math.round(ratio)} 倍，上限 ${limits.maxCompressionRatio} 倍）`),
        );
      }
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: unknown) => reject(unreadable(err)));
    zip.readEntry();
  });
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const STORED = 0;
const DEFLATED = 8;

/**
 * The entry's bytes, inflated in one call from the package's own buffer and never past the size
 * its directory entry declares (`maxOutputLength`): a part that inflates to more is refused, not
 * buffered. Only stored and deflated parts without encryption are read, as in every Office file.
 */
function inflate(bytes: Buffer, entry: yauzl.Entry): Buffer {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + LOCAL_HEADER_SIZE > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) {
    throw unreadable(new Error(`no local header for ${entry.fileName}`));
  }
  if (entry.generalPurposeBitFlag & 1) throw unreadable(new Error('encrypted entry'));
  const start = at + LOCAL_HEADER_SIZE + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw unreadable(new Error(`truncated entry ${entry.fileName}`));
  const compressed = bytes.subarray(start, end);
  let data: Buffer;
  if (entry.compressionMethod === STORED) {
    data = compressed;
  } else if (entry.compressionMethod === DEFLATED) {
    try {
      // One byte more than declared tells a lying directory entry from an exact one.
      data = inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (err) {
      // By code, not instanceof: the error may come from another realm (jest, workers).
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw limitExceeded('文件内容比其目录记录的大小更大');
      throw unreadable(err);
    }
  } else {
    throw unreadable(new Error(`compression method ${entry.compressionMethod}`));
  }
  if (data.length > entry.uncompressedSize) throw limitExceeded('文件内容比其目录记录的大小更大');
  if (data.length !== entry.uncompressedSize) throw unreadable();
  return data;
}

/**
 * Opens `bytes` as a zip package under `limits`. Throws ReportReadError: DOCX_LIMIT_EXCEEDED
 * when a bound is passed, DOCX_UNREADABLE when the bytes are no readable zip archive.
 */
export async function openDocxPackage(
  bytes: Uint8Array,
  limits: DocxLimits = DOCX_LIMITS,
): Promise<DocxPackage> {
  let zip: yauzl.ZipFile;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      // Checked by `inflate` itself, which stops at the declared size with a clear error.
      validateEntrySizes: false,
    });
  } catch (err) {
    throw unreadable(err);
  }
  const entries = await checkedEntries(zip, limits);
  let inflateBudget = limits.maxInflatedBytes;
  let elementBudget = limits.maxXmlElements;

  return {
    exists: (name) => entries.has(name),
    entryNames: () => [...entries.keys()],
    async read(name, encoding) {
      const entry = entries.get(name);
      if (!entry) throw unreadable(new Error(`no part named ${name}`));
      // Reserved before inflating, so parts read at the same time cannot overspend together.
      if (entry.uncompressedSize > inflateBudget) {
        throw limitExceeded(`读取时解压的内容超过 ${limits.maxInflatedBytes / MiB} MB`);
      }
      inflateBudget -= entry.uncompressedSize;
      const data = inflate(buffer, entry);
      if (encoding === 'base64') return data.toString('base64');
      if (!encoding) return data;
      const shape = measureXmlShape(data, elementBudget, limits.maxXmlDepth);
      if (shape.problem) throw SHAPE_MESSAGES[shape.problem](limits);
      elementBudget -= shape.elements;
      try {
        return new TextDecoder(encoding).decode(data);
      } catch (err) {
        throw unreadable(err);
      }
    },
  };
}
