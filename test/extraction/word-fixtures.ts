import {
  Document,
  type FileChild,
  type ILevelsOptions,
  type IParagraphStyleOptions,
  type IPropertiesOptions,
  type ISectionOptions,
  Packer,
  Paragraph,
} from 'docx';
import JSZip from 'jszip';

/**
 * .docx fixtures for the Word reader, written by the `docx` package (the library this project
 * writes Word files with) and, for what it cannot express (several w:num sharing one list
 * without overrides, w:lvlRestart, fields, revisions, mc:AlternateContent text boxes, charts),
 * patched with hand-written XML in the package it wrote, as Word itself writes that XML.
 */

export interface WordFixture {
  children: FileChild[];
  numbering?: { reference: string; levels: ILevelsOptions[] }[];
  paragraphStyles?: IParagraphStyleOptions[];
  /** Placeholder paragraphs (see `raw`) replaced by this XML in word/document.xml. */
  rawBlocks?: Record<string, string>;
  /** Parts written as given, replacing the library's (e.g. word/numbering.xml). */
  rawParts?: Record<string, string>;
  /** Headers, footers and other section settings. */
  section?: Omit<ISectionOptions, 'children'>;
  footnotes?: IPropertiesOptions['footnotes'];
  comments?: IPropertiesOptions['comments'];
}

/** A paragraph that `rawBlocks[name]` replaces, so hand-written XML lands in document order. */
export function raw(name: string): Paragraph {
  return new Paragraph(`@@RAW:${name}@@`);
}

/** Builds the .docx: the library writes it, then the raw XML is put in. */
export async function wordDocx(fixture: WordFixture): Promise<Buffer> {
  const doc = new Document({
    styles: fixture.paragraphStyles ? { paragraphStyles: fixture.paragraphStyles } : undefined,
    numbering: fixture.numbering ? { config: fixture.numbering } : undefined,
    sections: [{ ...fixture.section, children: fixture.children }],
    footnotes: fixture.footnotes,
    comments: fixture.comments,
  });
  const written = await Packer.toBuffer(doc);
  if (!fixture.rawBlocks && !fixture.rawParts) return written;
  const zip = await JSZip.loadAsync(written);
  let document = await zip.file('word/document.xml')!.async('string');
  for (const [name, xml] of Object.entries(fixture.rawBlocks ?? {})) {
    const placeholder = new RegExp(`<w:p>(?:(?!<w:p>).)*?@@RAW:${name}@@.*?</w:p>`);
    if (!placeholder.test(document)) throw new Error(`no placeholder ${name}`);
    document = document.replace(placeholder, () => xml);
  }
  zip.file('word/document.xml', document);
  for (const [part, xml] of Object.entries(fixture.rawParts ?? {})) zip.file(part, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `<w:p>` with the given numbering and one run of text, as Word writes a list paragraph. */
export function numberedP(text: string, numId: number | null, ilvl = 0, pStyle?: string): string {
  const style = pStyle ? `<w:pStyle w:val="${pStyle}"/>` : '';
  const numPr =
    numId === null ? '' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
  return `<w:p><w:pPr>${style}${numPr}</w:pPr><w:r><w:t>${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** `<w:p>` of runs given as XML. */
export const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
/** `<w:r>` of text. */
export const r = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** One level of a hand-written `w:abstractNum`. */
export interface RawLevel {
  numFmt: string;
  lvlText: string;
  start?: number;
  restart?: number;
  pStyle?: string;
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A numbering.xml of abstract lists and `w:num`s (each with optional start overrides by level). */
export function numberingXml(
  abstracts: Record<number, RawLevel[]>,
  nums: Record<number, { abstract: number; startOverride?: Record<number, number> }>,
): string {
  const abstractXml = Object.entries(abstracts).map(
    ([id, levels]) =>
      `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>` +
      levels
        .map(
          (l, ilvl) =>
            `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.numFmt}"/>` +
            (l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : '') +
            (l.pStyle ? `<w:pStyle w:val="${l.pStyle}"/>` : '') +
            `<w:lvlText w:val="${l.lvlText}"/><w:lvlJc w:val="left"/></w:lvl>`,
        )
        .join('') +
      '</w:abstractNum>',
  );
  const numXml = Object.entries(nums).map(
    ([id, n]) =>
      `<w:num w:numId="${id}"><w:abstractNumId w:val="${n.abstract}"/>` +
      Object.entries(n.startOverride ?? {})
        .map(
          ([ilvl, start]) =>
            `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`,
        )
        .join('') +
      '</w:num>',
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W_NS}>${abstractXml.join('')}${numXml.join('')}</w:numbering>`;
}

/** A styles.xml of paragraph styles: id → basedOn and numbering. */
export function stylesXml(
  styles: Record<string, { basedOn?: string; numId?: number; ilvl?: number; isDefault?: boolean }>,
): string {
  const body = Object.entries(styles)
    .map(([id, s]) => {
      const ilvl = s.ilvl === undefined ? '' : `<w:ilvl w:val="${s.ilvl}"/>`;
      const numId = s.numId === undefined ? '' : `<w:numId w:val="${s.numId}"/>`;
      const numPr = ilvl || numId ? `<w:numPr>${ilvl}${numId}</w:numPr>` : '';
      return (
        `<w:style w:type="paragraph"${s.isDefault ? ' w:default="1"' : ''} w:styleId="${id}"><w:name w:val="${id}"/>` +
        (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
        `<w:pPr>${numPr}</w:pPr></w:style>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W_NS}>${body}</w:styles>`;
}
