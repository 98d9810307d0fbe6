import { type ClosingDocument, cleanTextDeep, type DocumentBlock } from '@rectify/domain';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  type IBorderOptions,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

// Latin names for Word on Windows and LibreOffice's fontconfig, Chinese names in eastAsia, which is
// the slot Word and WPS read for Chinese text.
const BODY_FONT = { ascii: 'FangSong', hAnsi: 'FangSong', cs: 'FangSong', eastAsia: '仿宋' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', cs: 'SimHei', eastAsia: '黑体' };

/** Sizes in half-points: 三号 (16pt) body and headings, 二号 (22pt) title, 小四 (12pt) tables. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const TABLE_SIZE = 24;

/** Two characters of body text in twips, for readers that ignore firstLineChars (LibreOffice). */
const TWO_CHARS = BODY_SIZE * 10 * 2;

const CELL_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * One Word document holding every closing document in order, each after the first on a new page.
 * Built only from docx's styles and properties (no raw XML) so Word, WPS and LibreOffice open it as is.
 * Every text is passed through cleanText first: the `docx` package writes characters XML forbids
 * (control characters pasted from Word, U+FFFF) as they are, and one of them makes the file
 * unreadable; rows stored before text was cleaned on entry may still hold them.
 */
export async function renderDocx(input: ClosingDocument[]): Promise<Buffer> {
  const docs = cleanTextDeep(input);
  const children = docs.flatMap((doc, i) => [
    // The title is Heading 1 so the navigation pane shows document > section > subsection.
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: i > 0, text: doc.title }),
    ...doc.blocks.flatMap(renderBlock),
  ]);
  const document = new Document({
    title: docs.map((d) => d.title).join('；'),
    creator: 'rectify',
    lastModifiedBy: 'rectify',
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: BODY_SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } },
        },
        heading1: headingStyle(TITLE_SIZE, 0, { alignment: AlignmentType.CENTER, before: 240, after: 360 }),
        heading2: headingStyle(BODY_SIZE, 1, { before: 240, after: 120 }),
        heading3: headingStyle(BODY_SIZE, 2, { before: 120, after: 120 }),
      },
    },
    // An empty export is still an ordinary one-paragraph document rather than an empty body.
    sections: [{ children: children.length > 0 ? children : [new Paragraph('')] }],
  });
  return Packer.toBuffer(document);
}

function headingStyle(
  size: number,
  outlineLevel: number,
  layout: { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; before: number; after: number },
) {
  return {
    // docx's default heading styles are blue; reports are printed in black.
    run: { font: HEADING_FONT, size, color: '000000' },
    paragraph: {
      alignment: layout.alignment,
      spacing: { before: layout.before, after: layout.after },
      keepNext: true,
      keepLines: true,
      outlineLevel,
    },
  };
}

function renderBlock(block: DocumentBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          text: block.text,
        }),
      ];
    case 'paragraph':
      return lines(block.text).map(
        (line) =>
          new Paragraph({
            text: line,
            alignment: AlignmentType.BOTH,
            indent: { firstLineChars: 200, firstLine: TWO_CHARS },
          }),
      );
    case 'table':
      return [renderTable(block.header, block.rows)];
  }
}

function renderTable(header: string[], rows: string[][]): Table {
  // Every row gets as many cells as the widest one, as a ragged table shows up broken in Word.
  const width = Math.max(1, header.length, ...rows.map((r) => r.length));
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
    rows: [
      // Repeated at the top of each page the table runs onto.
      new TableRow({ tableHeader: true, children: pad(header).map((text) => tableCell(text, true)) }),
      ...rows.map((row) => new TableRow({ children: pad(row).map((text) => tableCell(text, false)) })),
    ],
  });
}

function tableCell(text: string, isHeader: boolean): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } : undefined,
    children: lines(text).map(
      (line) =>
        new Paragraph({
          alignment: isHeader ? AlignmentType.CENTER : undefined,
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          children: [new TextRun({ text: line, bold: isHeader || undefined, size: TABLE_SIZE })],
        }),
    ),
  });
}

/** A cell or paragraph's lines, one Word paragraph each; never none, as a cell needs a paragraph. */
function lines(text: string): string[] {
  return text.split(/\r?\n/);
}
