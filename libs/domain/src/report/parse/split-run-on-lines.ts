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

export function splitRunOnLines(text: string): string {
  // Cheap first: only a text with two gaps before possible items anywhere can need cutting.
  GAP_BEFORE_ITEM.lastIndex = 0;
  if (!GAP_BEFORE_ITEM.test(text) || !GAP_BEFORE_ITEM.test(text)) return text;
  return text
    .split('\n')
    .map((line) => (line.length >= MIN_RUN_ON_LENGTH && mayRunOn(line) ? splitLine(line) : line))
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
