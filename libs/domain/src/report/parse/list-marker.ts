/**
 * The numbering styles of Chinese official documents, outermost first. A report nests them
 * as 一、 → （一） → 1. → （1） → ①, but copies mix them freely, so the parser decides levels
 * per document from what it sees rather than from this order alone.
 */
export type MarkerStyle =
  | `md${1 | 2 | 3 | 4 | 5 | 6}` // Markdown heading
  | 'part' // 第一部分
  | 'cn' // 一、
  | 'pcn' // （一）
  | 'dec' // 2.1
  | 'num' // 1. 1、
  | 'pnum' // (1) ⑴
  | 'circ' // ①
  | 'ord' // 第一，
  | 'shi' // 一是
  | 'side' // 一方面 / 另一方面
  | 'seq' // 首先 / 其次 / 最后
  | 'label' // 问题一： / 措施2：
  | 'bullet'; // - item

export interface ListMarker {
  style: MarkerStyle;
  /** Characters the marker occupies at the start of the line (including following spaces/punctuation). */
  length: number;
}

/**
 * A Chinese numeral of any size a list can reach (一 … 九十九, 一百, 一百零一, 一千二百 …): it
 * starts with a digit or 十, so words such as 百姓, 千方百计 or 两学一做 are not numerals.
 */
export const CN_NUMERAL = '[一二三四五六七八九十][一二三四五六七八九十百千万零〇两]{0,7}';
const CN = CN_NUMERAL;
/** Arabic item numbers have no upper bound: a list of 2,000 problems must stay 2,000 items. */
const NUM = '\\d+';
// A year at a line start (2023、2024年… / 2023 年) is a date, not item number 2023.
const NOT_YEAR = '(?!(?:19|20)\\d\\d(?:\\s*[、.]\\s*\\d|\\s*[、.]?\\s*[年—\\-至到]))';
/** Circled numbers ① … ⑳, ㉑ … ㉟ and ㊱ … ㊿ (Unicode has none past 50). */
export const CIRCLED = '①-⑳㉑-㉟㊱-㊿';
const PATTERNS: [MarkerStyle, RegExp][] = [
  ['part', new RegExp(`^第${CN}(?:部分|章|篇)\\s*[、:.,]?\\s*`)],
  ['pcn', new RegExp(`^\\(\\s*${CN}\\s*\\)\\s*[、.,:]?\\s*`)],
  ['shi', new RegExp(`^${CN}[是要]\\s*[,:]?\\s*`)],
  // 一、 一. and, in some copies, just 一 followed by a space.
  ['cn', new RegExp(`^${CN}(?:\\s*[、.]\\s*|\\s+(?=[\\u4e00-\\u9fff]))`)],
  ['dec', /^\d{1,3}(?:\.\d{1,3}){1,2}(?![\d%])\s*[、.]?\s*(?=\D)/],
  // 1.5万元 is a number, not an item; 3、2024年工作打算 is an item. A number followed by a mere
  // space is an item only up to four digits (1000 多名党员 reads as an item, 10000 人 does not).
  // 2,组织生活质量不高: a half-width (or full-width) comma after a small number is a marker too when
  // a Chinese character follows (2,000名 is a number); ⒈ ⒉ are single-character markers.
  [
    'num',
    new RegExp(
      `^${NOT_YEAR}(?:${NUM}\\s*(?:、|\\.(?![\\d%]))\\s*|\\d{1,2}\\s*,\\s*(?=[\\u4e00-\\u9fff“"])|[⒈-⒛]\\s*|\\d{1,4}\\s+(?=[\\u4e00-\\u9fff]))`,
    ),
  ],
  ['pnum', new RegExp(`^(?:\\(\\s*${NUM}\\s*\\)|[⑴-⒇]|${NUM}\\))\\s*[、.,]?\\s*`)],
  ['circ', new RegExp(`^[${CIRCLED}]\\s*[、.,]?\\s*`)],
  ['ord', new RegExp(`^第${CN}\\s*[,、:]\\s*`)],
  ['side', /^(?:一方面|另一方面|再一方面|其次一方面)\s*[,:]?\s*/],
  ['seq', /^(?:首先|其次|再次|最后|此外)\s*[,:]\s*/],
  ['label', new RegExp(`^(?:问题|不足|措施|原因|差距)\\s*(?:${CN}|${NUM})\\s*[:、.]\\s*`)],
  ['bullet', /^[-*+•·●■◆▪]\s*/],
];

// Most lines start with an ordinary character; this skips the patterns for them cheaply.
const MAY_START_MARKER = new RegExp(
  `^[第(一二三四五六七八九十\\d⑴-⒇⒈-⒛${CIRCLED}另其首再最此问不措原差\\-*+•·●■◆▪]`,
);

export function parseListMarker(key: string, mdLevel = 0): ListMarker | null {
  if (mdLevel > 0) {
    const inner = parseListMarker(key);
    return { style: `md${mdLevel as 1 | 2 | 3 | 4 | 5 | 6}`, length: inner?.length ?? 0 };
  }
  if (!MAY_START_MARKER.test(key)) return null;
  for (const [style, re] of PATTERNS) {
    const m = re.exec(key);
    if (m && m[0].length < key.length) return { style, length: m[0].length };
  }
  return null;
}

/** Styles that number headings or items on their own line (not inline enumerations). */
export const HEADING_STYLES: ReadonlySet<MarkerStyle> = new Set<MarkerStyle>([
  'md1',
  'md2',
  'md3',
  'md4',
  'md5',
  'md6',
  'part',
  'cn',
  'pcn',
  'dec',
  'num',
  'pnum',
  'circ',
]);
