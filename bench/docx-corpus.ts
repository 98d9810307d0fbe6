import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { type CorpusReport } from './report-corpus';
import { DECODER_LABELS } from './report-encoding';

/**
 * Word copies of corpus reports, as secretaries write them in Word: every heading and item
 * numbered by Word's automatic numbering (the 一、 （一） 1. of the text become list labels
 * defined in numbering.xml, restarting where the text restarts), body text in 仿宋 with a
 * first-line indent, and a table: a 问题清单 at the end of every other report, a small
 * statistics table in the others. Deterministic: the same text gives the same document.
 */
export interface DocxCorpusReport {
  name: string;
  bytes: Uint8Array;
}

type ListStyle = 'cn' | 'pcn' | 'num' | 'numComma' | 'pnum' | 'circ';

/** How the text numbers a line, the Word list that writes the same label, and the label's value. */
const LIST_MARKERS: readonly [ListStyle, RegExp, (typeof LevelFormat)[keyof typeof LevelFormat], string][] = [
  ['cn', /^([一二三四五六七八九十]+)、\s*/, LevelFormat.CHINESE_COUNTING, '%1、'],
  ['pcn', /^（([一二三四五六七八九十]+)）\s*/, LevelFormat.CHINESE_COUNTING, '（%1）'],
  ['num', /^(\d{1,2})\.\s*/, LevelFormat.DECIMAL, '%1.'],
  ['numComma', /^(\d{1,2})、\s*/, LevelFormat.DECIMAL, '%1、'],
  ['pnum', /^\((\d{1,2})\)\s*/, LevelFormat.DECIMAL, '(%1)'],
  ['circ', /^([①-⑳])\s*/, LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%1'],
];

const isFirst = (label: string) => label === '一' || label === '1' || label === '①';

const BODY_FONT = { font: '仿宋_GB2312', size: 32 };

function decodeText(report: CorpusReport): string {
  return new TextDecoder(DECODER_LABELS[report.encoding]).decode(report.bytes);
}

function problemTable(items: string[]): Table {
  const row = (cells: string[]) =>
    new TableRow({
      children: cells.map(
        (text) =>
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, ...BODY_FONT })] })] }),
      ),
    });
  return new Table({
    rows: [
      row(['序号', '存在问题', '整改措施', '责任人', '整改时限']),
      ...items.map((item, i) =>
        row([String(i + 1), item, '制定整改方案，明确责任分工，按期销号。', '支部书记', '年底前']),
      ),
    ],
  });
}

function statisticsTable(year: number): Table {
  const row = (cells: string[]) =>
    new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
  return new Table({
    rows: [
      row(['项目', `${year - 1}年`, `${year}年`]),
      row(['党员人数', '45', '48']),
      row(['主题党日', '12', '12']),
    ],
  });
}

/** The Word document of one report's text. */
export async function wordCopyOf(report: CorpusReport, index: number): Promise<DocxCorpusReport> {
  const instances = new Map<ListStyle, number>();
  const items: string[] = [];
  const children: (Paragraph | Table)[] = [];
  const lines = decodeText(report)
    .split(/\r?\n/)
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .filter((l) => l !== '');
  for (const line of lines) {
    const marker = LIST_MARKERS.find(([, re]) => re.test(line));
    if (!marker) {
      children.push(
        new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: line, ...BODY_FONT })] }),
      );
      continue;
    }
    const [style, re] = marker;
    const label = (re.exec(line) as RegExpExecArray)[1];
    const instance = (instances.get(style) ?? 0) + (isFirst(label) ? 1 : 0);
    instances.set(style, instance);
    const text = line.replace(re, '');
    if (style !== 'cn' && items.length < 6) items.push(text.slice(0, 40));
    children.push(
      new Paragraph({
        numbering: { reference: style, level: 0, instance },
        children: [new TextRun({ text, ...BODY_FONT })],
      }),
    );
  }
  const year = Number(/20\d\d/.exec(lines[0] ?? '')?.[0] ?? 2023);
  if (index % 2 === 0 && items.length > 0) {
    children.push(new Paragraph('附件：问题整改清单'), problemTable(items));
  } else {
    children.splice(Math.min(3, children.length), 0, statisticsTable(year));
  }
  const document = new Document({
    creator: 'bench',
    numbering: {
      config: LIST_MARKERS.map(([style, , format, text]) => ({
        reference: style,
        levels: [{ level: 0, format, text }],
      })),
    },
    sections: [{ children }],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  return { name: report.name.replace(/\.(txt|md)$/, '.docx'), bytes };
}

/** Word copies of every `every`-th report of the corpus (the 1st, the `every`+1st …). */
export async function generateDocxCorpus(
  corpus: readonly CorpusReport[],
  every: number,
): Promise<DocxCorpusReport[]> {
  const copies: DocxCorpusReport[] = [];
  for (let i = 0; i < corpus.length; i += every) copies.push(await wordCopyOf(corpus[i], i / every));
  return copies;
}
