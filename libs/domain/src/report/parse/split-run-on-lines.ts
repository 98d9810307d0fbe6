import { normalizeForMatching } from '../../text/normalize-for-matching';
import { parseListMarker } from './list-marker';

/**
 * Some copies put a whole report on one line, its numbered items and all, separated only by
 * spaces: `…的报告 经支委会研究，共查摆出以下问题： 1、…； 2、…。 针对以上问题，整改措施如下： 1、…`.
 * This puts each item, lead-in and sentence after which such a gap follows on its own line again,
 * so the report reads as it was written. A line is cut only when it has at least two numbered
 * items after a gap: ordinary paragraphs with a stray space are left alone.
 */
const MIN_RUN_ON_LENGTH = 80;
const MIN_GAP_ITEMS = 2;
const GAP = /[ \t\u3000\u00a0]+/g;
const ITEM_STYLES = new Set(['cn', 'pcn', 'num', 'pnum', 'circ', 'dec']);
const SENTENCE_END = /[:;。!?]$/;
// A title before the first gap: short, no sentence inside, names a document.
const TITLE_BEFORE_GAP = /^[^。,;:!?]{4,60}(?:报告|总结|述职|汇报|情况|材料|发言|通报|方案|清单)$/;

// A gap followed by what may open an item: a digit, a Chinese numeral, a bracket or a circled number.
const GAP_BEFORE_ITEM = /[ \t\u3000\u00a0]+[\d一二三四五六七八九十(（⑴-⒇⒈-⒛①-⑳]/g;

/** A line this long with headings inside it is a whole report on one line, even without gaps. */
const MIN_GAPLESS_LENGTH = 60;
const MIN_GAPLESS_CUTS = 3;
// 二、 / （一） / 1、 inside a line; cut before them after a sentence end or a short heading.
const INNER_MARKER =
  /[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.](?![\d%])/g;
const SHORT_HEADING = 20;

export function splitRunOnLines(text: string): string {
  const longLine = new RegExp(`[^\n]{${MIN_GAPLESS_LENGTH}}`).test(text);
  // Cheap first: only a text with two gaps before possible items, or a very long line, can need cutting.
  GAP_BEFORE_ITEM.lastIndex = 0;
  const gaps = GAP_BEFORE_ITEM.test(text) && GAP_BEFORE_ITEM.test(text);
  if (!gaps && !longLine) return text;
  return text
    .split('\n')
    .map((line) => {
      let out = line;
      if (gaps && line.length >= MIN_RUN_ON_LENGTH && mayRunOn(line)) out = splitLine(line);
      if (line.length >= MIN_GAPLESS_LENGTH) out = out.split('\n').map(splitGapless).join('\n');
      return out;
    })
    .join('\n');
}

/**
 * …如下。一、主要工作（一）健全领导体制。…二、存在的问题（一）… — cuts before each heading
 * marker that follows a sentence end or a heading of its own (一、存在的问题 before （一）), and
 * after a title followed by a gap. Lines with fewer than MIN_GAPLESS_CUTS such places are kept.
 */
function splitGapless(line: string): string {
  if (line.length < MIN_GAPLESS_LENGTH) return line;
  // Cheap first: enough markers at all in the line as written.
  INNER_MARKER.lastIndex = 0;
  let seen = 0;
  while (seen < MIN_GAPLESS_CUTS && INNER_MARKER.test(line)) seen++;
  if (seen < MIN_GAPLESS_CUTS) return line;
  const key = normalizeForMatching(line);
  const cuts: number[] = [];
  // The title, when a gap follows it: XX医院党委2023年度党建工作总结 2023年，…
  const titleGap = /^([^。,;:!?\s]{4,60})\s+/.exec(key);
  const titled = titleGap !== null && TITLE_BEFORE_GAP.test(titleGap[1]);
  if (titled) cuts.push(titleGap[0].length);
  let last = cuts[0] ?? 0;
  INNER_MARKER.lastIndex = 0;
  for (const m of key.matchAll(INNER_MARKER)) {
    const at = m.index ?? 0;
    if (at <= last) continue;
    const before = key.slice(last, at);
    const afterSentence = /[:;。!?]\s*$/.test(before);
    const afterHeading =
      before.length <= SHORT_HEADING && !/[,:;。!?]/.test(before) && parseListMarker(before) !== null;
    if (afterSentence || afterHeading) {
      cuts.push(at);
      last = at;
    }
  }
  if (cuts.length - (titled ? 1 : 0) < MIN_GAPLESS_CUTS) return line;
  const parts: string[] = [];
  let from = 0;
  for (const at of cuts) {
    parts.push(line.slice(from, at));
    from = at;
  }
  parts.push(line.slice(from));
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n');
}

function mayRunOn(line: string): boolean {
  GAP_BEFORE_ITEM.lastIndex = 0;
  return GAP_BEFORE_ITEM.test(line) && GAP_BEFORE_ITEM.test(line);
}

function splitLine(line: string): string {
  const key = normalizeForMatching(line);
  const gaps: { start: number; end: number; item: boolean }[] = [];
  for (const m of key.matchAll(GAP)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (start === 0 || end >= key.length) continue;
    const marker = parseListMarker(key.slice(end));
    gaps.push({ start, end, item: marker !== null && ITEM_STYLES.has(marker.style) });
  }
  if (gaps.filter((g) => g.item).length < MIN_GAP_ITEMS) return line;
  const parts: string[] = [];
  let from = 0;
  gaps.forEach((gap, i) => {
    const before = key.slice(from, gap.start);
    const cut = gap.item || SENTENCE_END.test(before) || (i === 0 && TITLE_BEFORE_GAP.test(before));
    if (!cut) return;
    parts.push(line.slice(from, gap.start));
    from = gap.end;
  });
  parts.push(line.slice(from));
  return parts.join('\n');
}
