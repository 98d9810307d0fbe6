import { type CorpusEncoding } from './report-encoding';
import { ORGANISATION_TYPES, type OrganisationType } from './report-phrases';
import { type SeededRandom } from './seeded-random';

/**
 * The choices that make one synthetic report differ from another: who writes it, which year,
 * how its headings are numbered, which section names it uses, how many problems it lists, how
 * long and how noisy it is, and how it is stored. Drawn first, rendered by composeReportText.
 */
export type ReportGenre = 'debriefing' | 'summary'; // 述职报告 / 党建工作总结

/** Numbering of the outermost sections: 一、 / ## 一、 / 1. / 1、 */
export type SectionHeadingStyle = 'cn' | 'markdown' | 'numDot' | 'numComma';

/** Numbering of items inside a section: （一） / 1. / 1、 / (1) / ① */
export type ItemHeadingStyle = 'parenCn' | 'numDot' | 'numComma' | 'parenNum' | 'circled';

/** Items on their own numbered lines, or enumerated inside a paragraph (一是…二是…). */
export type ItemLayout = 'numbered' | 'inline';

export interface ReportSpec {
  organisationType: OrganisationType;
  year: number;
  genre: ReportGenre;
  sectionStyle: SectionHeadingStyle;
  itemStyle: ItemHeadingStyle;
  problemLayout: ItemLayout;
  measureLayout: ItemLayout;
  problemHeading: string;
  measureHeading: string;
  /** null when the report has no 上年度整改情况 section. */
  lastYearHeading: string | null;
  /** A section of its own for causes; the 存在的不足及原因 heading carries them inside instead. */
  causeSection: boolean;
  problemCount: number;
  targetBytes: number;
  encoding: CorpusEncoding;
  lineBreak: '\n' | '\r\n';
  /** Word-processor copies indent paragraphs with two ideographic spaces. */
  paragraphIndent: '' | '\u3000\u3000' | '  ';
  /** An empty line between paragraphs, as Markdown and some copies have. */
  blankLineBetweenParagraphs: boolean;
  /** Chance that a paragraph carries pasted noise; 0 for a clean report. */
  noiseRate: number;
  /** The title writes the year as 二〇二三 instead of 2023. */
  chineseNumeralYear: boolean;
}

export const MIN_REPORT_BYTES = 2_000;
export const MAX_REPORT_BYTES = 40_000;

const PROBLEM_HEADINGS: readonly (readonly [string, number])[] = [
  ['存在问题', 4],
  ['存在的不足及原因', 2],
  ['问题和差距', 2],
  ['存在的问题和不足', 1],
  ['不足之处', 1],
];

const ITEM_STYLES_UNDER: Readonly<Record<SectionHeadingStyle, readonly ItemHeadingStyle[]>> = {
  cn: ['parenCn', 'numDot', 'numComma', 'parenNum', 'circled'],
  markdown: ['parenCn', 'numDot', 'circled'],
  // Under 1. sections a report cannot number its items 1. as well.
  numDot: ['parenCn', 'parenNum', 'circled'],
  numComma: ['parenCn', 'parenNum', 'circled'],
};

function measureHeadings(year: number): readonly string[] {
  return [
    '下步工作打算',
    '下一步工作措施',
    '整改措施',
    '下一步工作打算',
    '今后努力方向',
    `${year + 1}年工作打算`,
  ];
}

function lastYearHeadings(year: number): readonly string[] {
  return ['上年度整改情况', `${year - 1}年度述职评议问题整改情况`, '上年度问题整改落实情况'];
}

export function drawReportSpec(random: SeededRandom): ReportSpec {
  const year = random.int(2019, 2025);
  const sectionStyle = random.weighted<SectionHeadingStyle>([
    ['cn', 5],
    ['markdown', 2],
    ['numDot', 1],
    ['numComma', 1],
  ]);
  const problemHeading = random.weighted(PROBLEM_HEADINGS);
  const encoding = random.weighted<CorpusEncoding>([
    ['utf-8', 50],
    ['utf-8-bom', 20],
    ['gb18030', 25],
    ['utf-16le-bom', 5],
  ]);
  return {
    organisationType: random.pick(ORGANISATION_TYPES),
    year,
    genre: random.chance(0.6) ? 'debriefing' : 'summary',
    sectionStyle,
    itemStyle: random.pick(ITEM_STYLES_UNDER[sectionStyle]),
    problemLayout: random.chance(0.6) ? 'numbered' : 'inline',
    measureLayout: random.chance(0.7) ? 'numbered' : 'inline',
    problemHeading,
    measureHeading: random.pick(measureHeadings(year)),
    lastYearHeading: random.chance(0.4) ? random.pick(lastYearHeadings(year)) : null,
    causeSection: !problemHeading.includes('原因') && random.chance(0.35),
    problemCount: random.int(1, 8),
    targetBytes: random.logUniform(MIN_REPORT_BYTES, MAX_REPORT_BYTES),
    encoding,
    // Files saved on Windows in a legacy encoding nearly always carry CRLF.
    lineBreak: random.chance(encoding === 'utf-8' ? 0.2 : 0.6) ? '\r\n' : '\n',
    paragraphIndent: sectionStyle === 'markdown' ? '' : random.pick(['', '\u3000\u3000', '  '] as const),
    blankLineBetweenParagraphs: sectionStyle === 'markdown' || random.chance(0.25),
    noiseRate: random.chance(0.45) ? random.pick([0.04, 0.08, 0.15]) : 0,
    chineseNumeralYear: random.chance(0.1),
  };
}
