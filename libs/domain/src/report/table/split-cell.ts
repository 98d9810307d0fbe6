import { splitHeadline } from '../parse/headline';
import { toReportLines } from '../parse/report-line';
import { splitItems } from '../parse/split-items';

/** A problem or measure named in a cell: its headline and the rest. */
export interface CellItem {
  title: string;
  detail: string;
}

/**
 * A problem cell as one problem: title = its first clause (splitHeadline), detail = the rest of
 * the first paragraph and the paragraphs after it, joined by \n. Null for an empty cell.
 */
export function splitProblemCell(cell: string): CellItem | null {
  const lines = toReportLines(cell).map((l) =>
    l.marker && l.index === 0 ? l.text.slice(l.marker.length) : l.text,
  );
  if (lines.length === 0) return null;
  const headline = splitHeadline(lines[0], null, true);
  if (!headline.title) return null;
  return { title: headline.title, detail: [headline.detail, ...lines.slice(1)].filter(Boolean).join('\n') };
}

// 1.…；2.… written on one line: each number after a sentence end starts a line of its own.
const INLINE_NUMBER =
  /([；;。])\s*(?=\d{1,2}\s*[.、．](?!\d)|[①-⑳]|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[）)])/g;

/**
 * A measures cell as its measures: numbered items (1.… 2.… / ①… / （一）…), inline
 * enumerations (一是…二是…) or one per line (splitItems); an introduction ending in a colon
 * (整改措施：) is dropped, other text before the first item becomes a measure of its own.
 */
export function splitMeasureCell(cell: string): CellItem[] {
  const lines = toReportLines(cell.replace(INLINE_NUMBER, '$1\n'));
  if (lines.length === 0) return [];
  const { preamble, items } = splitItems(lines);
  const texts = [
    ...preamble.filter((p) => !/[:：]\s*$/.test(p)),
    ...items.map((item) => [item.text, ...item.continuation].join('\n')),
  ];
  return texts.flatMap((text) => {
    const { title, detail } = splitHeadline(text);
    return title ? [{ title, detail }] : [];
  });
}
