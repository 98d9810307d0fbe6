import { normalizeForMatching } from '../../text/normalize-for-matching';
import { CIRCLED, CN_NUMERAL, HEADING_STYLES, type MarkerStyle } from './list-marker';
import { lineBody, type ReportLine } from './report-line';

/**
 * Splits the body of a section into its enumerated items, trying in turn:
 * 1. items numbered at the start of a line (（一）… / 1. … / 一是… on its own line);
 * 2. enumerations inside a paragraph (一是…二是…, 一方面…另一方面…, 首先…其次…最后…);
 * 3. one item per paragraph.
 * Text before the first item (an introduction such as 主要表现在以下几个方面：) is returned
 * separately and is never an item.
 */
export interface SectionItem {
  text: string;
  boldLead: string | null;
  /** Following paragraphs that belong to this item. */
  continuation: string[];
}

export type SplitMode = 'lines' | 'inline' | 'paragraphs';

export interface SplitResult {
  mode: SplitMode;
  preamble: string[];
  items: SectionItem[];
}

// 一是 / 一方面 / 首先 / 第一， are split by splitInline, which also handles them at a line start.
const ITEM_STYLES: ReadonlySet<MarkerStyle> = new Set<MarkerStyle>([...HEADING_STYLES, 'label', 'bullet']);

export function splitItems(lines: ReportLine[]): SplitResult {
  return splitByLineMarkers(lines) ?? splitInline(lines) ?? splitParagraphs(lines);
}

function chooseItemStyle(lines: ReportLine[]): MarkerStyle | null {
  const styles: MarkerStyle[] = [];
  for (const line of lines) {
    const style = line.marker?.style;
    if (style && ITEM_STYLES.has(style) && !styles.includes(style)) styles.push(style);
  }
  if (styles.length === 0) return null;
  const [outer, inner] = styles;
  // Grouping headings such as （一）思想建设方面 over numbered problems: the inner style holds the items.
  if (inner && lines.filter((l) => l.marker?.style === outer).every((l) => isGroupingHeading(lineBody(l)))) {
    return inner;
  }
  return outer;
}

function isGroupingHeading(body: string): boolean {
  const key = normalizeForMatching(body).replace(/[:：\s]+$/, '');
  if (/^(?:在|关于)?[“"][^”"]{2,40}[”"](?:方面|问题)(?:存在的?问题|的问题)?$/.test(key)) return true;
  return key.length <= 14 && !/[。,;]/.test(key) && /(?:方面|领域|层面)(?:存在的?问题|的问题)?$/.test(key);
}

function splitByLineMarkers(lines: ReportLine[]): SplitResult | null {
  const style = chooseItemStyle(lines);
  if (!style) return null;
  const preamble: string[] = [];
  const items: SectionItem[] = [];
  for (const line of lines) {
    if (line.marker?.style === style) {
      items.push({ text: lineBody(line), boldLead: line.boldLead, continuation: [] });
    } else if (items.length === 0) {
      preamble.push(line.text);
    } else {
      items[items.length - 1].continuation.push(line.text);
    }
  }
  return { mode: 'lines', preamble, items };
}

const BOUNDARY = '(?:^|(?<=[。;:,!?\\s]))';

interface InlineFamily {
  re: RegExp;
  /** The marker that opens an enumeration of this family. */
  first: RegExp;
}

const INLINE_FAMILIES: InlineFamily[] = [
  { re: new RegExp(`${BOUNDARY}(?:其)?${CN_NUMERAL}是[,:]?`, 'g'), first: /^(?:其)?一是/ },
  { re: new RegExp(`${BOUNDARY}${CN_NUMERAL}要[,:]?`, 'g'), first: /^一要/ },
  { re: new RegExp(`${BOUNDARY}(?:一方面|另一方面|再一方面|此外|另外)[,:]?`, 'g'), first: /^一方面/ },
  { re: new RegExp(`${BOUNDARY}(?:首先|其次|再次|然后|最后)[,:]?`, 'g'), first: /^首先/ },
  { re: new RegExp(`${BOUNDARY}第${CN_NUMERAL}[,、:]`, 'g'), first: /^第一/ },
  { re: new RegExp(`[${CIRCLED}][、.,]?`, 'g'), first: /^①/ },
  { re: new RegExp(`${BOUNDARY}\\(\\d+\\)[、.,]?`, 'g'), first: /^\(1\)/ },
];

interface Hit {
  index: number;
  length: number;
  opens: boolean;
}

function hitsOf(family: InlineFamily, key: string): Hit[] {
  family.re.lastIndex = 0;
  return [...key.matchAll(family.re)].map((m) => {
    const index = m.index ?? 0;
    return { index, length: m[0].length, opens: family.first.test(key.slice(index)) };
  });
}

/** The family whose opening marker (一是, 一方面, 首先 …) comes first in the text. */
function chooseFamily(lines: ReportLine[]): InlineFamily | null {
  for (const line of lines) {
    let best: { family: InlineFamily; index: number } | null = null;
    for (const family of INLINE_FAMILIES) {
      const opening = hitsOf(family, line.key).find((h) => h.opens);
      if (opening && (!best || opening.index < best.index)) best = { family, index: opening.index };
    }
    if (best) return best.family;
  }
  return null;
}

function splitInline(lines: ReportLine[]): SplitResult | null {
  const family = chooseFamily(lines);
  if (!family) return null;
  const preamble: string[] = [];
  const items: SectionItem[] = [];
  const addLoose = (text: string) => {
    if (!text) return;
    if (items.length === 0) preamble.push(text);
    else items[items.length - 1].continuation.push(text);
  };
  for (const line of lines) {
    let hits = hitsOf(family, line.key);
    if (items.length === 0) {
      const opening = hits.findIndex((h) => h.opens);
      hits = opening < 0 ? [] : hits.slice(opening);
    } else if (hits.length > 0 && hits[0].index > 0 && !hits.some((h) => h.opens)) {
      // 二是 inside a sentence continues the list only where a new sentence starts.
      hits = hits.filter((h) => /[。;!?]/.test(line.key[h.index - 1] ?? '。'));
    }
    if (hits.length === 0) {
      addLoose(line.text);
      continue;
    }
    addLoose(line.text.slice(0, hits[0].index).trim());
    hits.forEach((hit, i) => {
      const end = i + 1 < hits.length ? hits[i + 1].index : line.text.length;
      const text = line.text.slice(hit.index + hit.length, end).trim();
      if (text) items.push({ text, boldLead: null, continuation: [] });
    });
  }
  return items.length >= 1 ? { mode: 'inline', preamble, items } : null;
}

// "主要表现在以下几个方面：" or "对照要求，还存在一些差距。" before the items.
const INTRO =
  /[:：]$|(?:以下|如下)(?:几个|几点|方面|问题|不足)|主要(?:表现|体现)(?:在|为)|具体(?:表现|体现)(?:在|为)|(?:存在|还有|仍有)着?(?:一些|不少|诸多|一定的?|较大的?)?(?:问题|不足|差距|短板)(?:和不足|和差距)?[。.]?$|(?:还有|存在)(?:一定|较大|不小)?(?:的)?差距[。.]?$/;

/** Closing words after the items: a summing-up or a pledge, not one more item. */
export const CLOSING =
  /^(?:总之|总而言之|综上所述?|以上(?:是|为|就是)|我们(?:相信|坚信)|相信在|特此报告|请(?:各位|大家|上级)?.{0,6}(?:评议|批评指正)|谢谢|对于(?:以上|上述|这些)(?:问题|不足))|(?:作出|做出)(?:新的)?(?:更大)?(?:的)?贡献[。!]?$|再创(?:新)?佳绩|谱写.{0,12}新篇章|开创.{0,12}新局面/;

function splitParagraphs(lines: ReportLine[]): SplitResult {
  const preamble: string[] = [];
  const items: SectionItem[] = [];
  for (const line of lines) {
    if (items.length === 0 && INTRO.test(line.key) && line.key.length < 80) {
      preamble.push(line.text);
      continue;
    }
    if (CLOSING.test(line.key) && !line.key.includes(';')) continue;
    items.push({ text: lineBody(line), boldLead: line.boldLead, continuation: [] });
  }
  return { mode: 'paragraphs', preamble, items };
}
