import { type DocxLimits } from '../docx-limits';
import { type DocxPackage, openDocxPackage } from '../docx-package';
import { DOCX_UNREADABLE_MESSAGE, ReportReadError, SUPPORTED_REPORT_FORMATS } from '../report-read-error';
import { BodyReader } from './body-reader';
import { ListCounter } from './list-counter';
import { readNumbering } from './numbering';
import { child, childrenNamed, parseOoxml, type XmlElement } from './ooxml-tree';
import { StyleCatalogue } from './styles';
import { writeBlocks } from './tables';

/** What a .docx says, as a reader of the document sees it. */
export interface DocxContent {
  /** Paragraphs (numbering labels in front), text boxes and the tables that are not 问题清单, one line each, "\n"-separated. */
  text: string;
  /** 问题清单 / 整改台账 tables, rows of cell texts (see tables.ts), in document order. */
  tables: string[][][];
  /** What could not be read, in Chinese, each once. */
  warnings: string[];
}

export interface ReadDocxOptions {
  /** Put 问题清单 tables into `tables` (true, the default) or write them into `text` like any table. */
  separateProblemTables?: boolean;
  limits?: DocxLimits;
}

const MAIN_PART = 'word/document.xml';
const MAIN_RELS = 'word/_rels/document.xml.rels';
const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['w:t', 'm:t']);

/**
 * Reads a .docx as Word shows it (see BodyReader): the main document only, with the styles
 * and numbering parts its relationships name (by default word/styles.xml, word/numbering.xml).
 * Headers, footers, footnotes, endnotes and comments are not report text and are not read;
 * external references are never followed.
 *
 * Cost is bounded by `openDocxPackage` under `limits` (DOCX_LIMITS): every part is measured
 * (inflated size, XML elements, depth, no DTD) before it is parsed; table spans are clamped to
 * Word's 63 columns (MAX_TABLE_COLUMNS).
 *
 * Throws ReportReadError: UNSUPPORTED_FILE_TYPE for a zip archive without word/document.xml
 * (`fileName` is only named in that message), DOCX_LIMIT_EXCEEDED, or DOCX_UNREADABLE with a
 * fixed Chinese message whatever the underlying reason (kept in `cause`).
 */
export async function readDocx(
  bytes: Uint8Array,
  fileName = '',
  options: ReadDocxOptions = {},
): Promise<DocxContent> {
  const docx = await openDocxPackage(bytes, options.limits);
  if (!docx.exists(MAIN_PART)) {
    throw new ReportReadError(
      'UNSUPPORTED_FILE_TYPE',
      `不支持的文件类型${fileName ? `（${fileName}）` : ''}：这是一个压缩包而不是 Word 文档或 Excel 工作簿。请上传 ${SUPPORTED_REPORT_FORMATS} 格式的报告。`,
    );
  }
  try {
    const [documentXml, related] = await Promise.all([readText(docx, MAIN_PART), relatedParts(docx)]);
    // Styles matter here only for numbering: without a numbering part nothing is numbered.
    const numberingPart = related.numbering ?? 'word/numbering.xml';
    const numbered = docx.exists(numberingPart);
    const [stylesPart, numberingXml] = await Promise.all([
      numbered ? readOptional(docx, related.styles ?? 'word/styles.xml') : undefined,
      numbered ? readOptional(docx, numberingPart) : undefined,
    ]);
    const document = parseOoxml(documentXml, TEXT_ELEMENTS);
    const reader = new BodyReader(
      new ListCounter(readNumbering(numberingXml), new StyleCatalogue(stylesPart)),
    );
    const body = child(child(document, 'w:document'), 'w:body');
    const blocks = body ? reader.readBlocks(body) : [];
    const written = writeBlocks(blocks, options.separateProblemTables ?? true);
    return {
      text: written.lines.length > 0 ? `${written.lines.join('\n')}\n` : '',
      tables: written.tables,
      warnings: [...reader.warnings],
    };
  } catch (err) {
    if (err instanceof ReportReadError) throw err;
    throw new ReportReadError('DOCX_UNREADABLE', DOCX_UNREADABLE_MESSAGE, { cause: err });
  }
}

async function readText(docx: DocxPackage, name: string): Promise<string> {
  return (await docx.read(name, 'utf-8')) as string;
}

async function readOptional(docx: DocxPackage, name: string): Promise<XmlElement | undefined> {
  return docx.exists(name) ? parseOoxml(await readText(docx, name)) : undefined;
}

/** The styles and numbering parts the main document's relationships name, as package paths. */
async function relatedParts(docx: DocxPackage): Promise<{ styles?: string; numbering?: string }> {
  const rels = await readOptional(docx, MAIN_RELS);
  const found: { styles?: string; numbering?: string } = {};
  const root = rels ? child(rels, 'rel:Relationships') : undefined;
  if (!root) return found;
  for (const rel of childrenNamed(root, 'rel:Relationship')) {
    if (rel.attrs.TargetMode === 'External' || !rel.attrs.Target) continue;
    const type = rel.attrs.Type ?? '';
    const kind = type.endsWith('/styles') ? 'styles' : type.endsWith('/numbering') ? 'numbering' : undefined;
    if (kind && found[kind] === undefined) found[kind] = resolvePartName('word/', rel.attrs.Target);
  }
  return found;
}

/** A relationship target resolved against the folder of its source part ("styles.xml" → "word/styles.xml"). */
function resolvePartName(baseFolder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseFolder.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}
