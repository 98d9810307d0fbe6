/**
 * Rebuilds the running text of a one-column report from the positioned text items of its PDF
 * pages (pdf.js `getTextContent`): items → lines → without repeated page headers/footers and
 * page numbers → paragraphs, one per output line. Pure; coordinates are PDF points, y upwards.
 */

/** One text item as pdf.js gives it: `x`, `y` from its transform, `height` ≈ the font size. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** pdf.js marks the end of a line (often on an empty item before the next line's text). */
  hasEOL: boolean;
}

export interface PdfPageText {
  items: PdfTextItem[];
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  /** The largest font size on the line. */
  size: number;
}

/** CJK ideographs and the punctuation set between them, where a space means nothing. */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026\\u2014';
const SPACE_BY_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+|[ \\t\\u00a0]+(?=[${CJK}])`, 'gu');
const ENDS_CJK = new RegExp(`[${CJK}]$`, 'u');
const STARTS_CJK = new RegExp(`^[${CJK}]`, 'u');

/** A numbering marker at a line start opens a new paragraph even after a full line. */
const ITEM_MARKER =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[)）]|\d+(?:\.\d+)*[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十\d]+(?:部分|章|节|条)|#{1,6}\s)/u;

/** 1 · - 1 - · — 2 — · 第3页 · 第 3 页 共 9 页 · 3/9 · Page 3 · 3 */
const PAGE_NUMBER =
  /^(?:[-—–－_\s]*\d{1,4}[-—–－_\s]*|第\s*\d{1,4}\s*页(?:\s*[,，、]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/iu;

/** How many lines at the top and at the bottom of a page may be a header or footer. */
const MARGIN_LINES = 2;

/**
 * The report text of the pages, one paragraph per line (ending in \n, or '' when there is no
 * text): lines repeated at the top or bottom of at least half the pages (and at least two) are
 * page headers/footers and dropped with page numbers; a line continues the paragraph above when
 * that one runs to the right margin, it starts at the left margin and no numbering marker
 * starts it; CJK text is joined without spaces.
 */
export function pdfPagesToText(pages: PdfPageText[]): string {
  const pageLines = dropPageFurniture(pages.map((p) => linesOf(p.items)));
  const all = pageLines.flat();
  if (all.length === 0) return '';
  const bodySize = mode(all.map((l) => l.size));
  const body = all.filter((l) => Math.abs(l.size - bodySize) <= bodySize * 0.2);
  const left = Math.min(...body.map((l) => l.left));
  const right = margin(body.map((l) => l.right));
  const paragraphs: string[] = [];
  let prev: Line | null = null;
  for (const line of all) {
    if (prev && continues(prev, line, { left, right, bodySize })) {
      paragraphs[paragraphs.length - 1] = joinText(paragraphs[paragraphs.length - 1], line.text);
    } else {
      paragraphs.push(line.text);
    }
    prev = line;
  }
  return `${paragraphs.join('\n')}\n`;
}

function continues(prev: Line, line: Line, page: { left: number; right: number; bodySize: number }): boolean {
  const full = prev.right >= page.right - 1.5 * prev.size;
  const sameSize = Math.abs(line.size - prev.size) <= 0.2 * Math.max(line.size, prev.size);
  if (!full || !sameSize || ITEM_MARKER.test(line.text)) return false;
  const atMargin = line.left <= page.left + 0.5 * line.size;
  // A title set larger than the body wraps onto a centred second line.
  const titleWrap = prev.size > page.bodySize * 1.15;
  return atMargin || titleWrap;
}

function joinText(a: string, b: string): string {
  return ENDS_CJK.test(a) || STARTS_CJK.test(b) ? a + b : `${a} ${b}`;
}

function linesOf(items: PdfTextItem[]): Line[] {
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  const close = () => {
    if (current.length > 0) groups.push(current);
    current = [];
  };
  for (const item of items) {
    if (item.str === '') {
      if (item.hasEOL) close();
      continue;
    }
    if (current.length > 0) {
      const base = current[0];
      const tolerance = 0.5 * Math.max(base.height, item.height, 1);
      if (Math.abs(item.y - base.y) > tolerance) close();
    }
    current.push(item);
    if (item.hasEOL) close();
  }
  close();
  const lines: Line[] = [];
  for (const group of groups) {
    const sorted = [...group].sort((a, b) => a.x - b.x);
    const text = sorted
      .map((i) => i.str)
      .join('')
      .replace(SPACE_BY_CJK, '')
      .replace(/\s+/gu, ' ')
      .trim();
    if (text === '') continue;
    const visible = sorted.filter((i) => i.str.trim() !== '');
    lines.push({
      text,
      left: Math.min(...visible.map((i) => i.x)),
      right: Math.max(...visible.map((i) => i.x + i.width)),
      y: group[0].y,
      size: Math.max(...group.map((i) => i.height)),
    });
  }
  return lines;
}

/** Drops page numbers and the headers/footers repeated across pages (in the margin lines only). */
function dropPageFurniture(pages: Line[][]): Line[][] {
  const marginOf = (lines: Line[]) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    return new Set([...byHeight.slice(0, MARGIN_LINES), ...byHeight.slice(-MARGIN_LINES)]);
  };
  const margins = pages.map(marginOf);
  const key = (l: Line) => l.text.replace(/\d+/gu, '#').replace(/\s+/gu, '');
  const pagesWith = new Map<string, number>();
  for (const margin of margins) {
    for (const k of new Set([...margin].map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  }
  const repeated = (l: Line) => {
    const n = pagesWith.get(key(l)) ?? 0;
    return pages.length >= 2 && n >= 2 && n >= pages.length / 2;
  };
  return pages.map((lines, i) =>
    lines.filter((l) => !(margins[i].has(l) && (PAGE_NUMBER.test(l.text) || repeated(l)))),
  );
}

/**
 * The right margin: the largest right edge (in whole points) that two lines share, so one wide
 * stray line does not count and lines whose punctuation hangs into the margin do; else the largest.
 */
function margin(rights: number[]): number {
  const counts = new Map<number, number>();
  for (const r of rights) counts.set(Math.round(r), (counts.get(Math.round(r)) ?? 0) + 1);
  const shared = [...counts].filter(([, n]) => n >= 2).map(([r]) => r);
  return Math.max(...(shared.length > 0 ? shared : rights));
}

/** The most frequent value, rounded to whole points (ties: the smaller). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && v < best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
