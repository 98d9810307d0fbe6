import { normalizeForMatching } from '../../text/normalize-for-matching';
import { type ListMarker, parseListMarker } from './list-marker';

/** One non-empty line (paragraph) of a report, with its matching key and list marker. */
export interface ReportLine {
  /** The line as written, trimmed, with Markdown emphasis removed. */
  text: string;
  /** Length-preserving matching key of `text` (see normalizeForMatching). */
  key: string;
  /** The list marker at the start of the line, if any (`一、`, `（二）`, `3.`, `## ` …). */
  marker: ListMarker | null;
  /** Text of a leading bold span (`**理论学习不够深入**。…`), a strong hint of the headline. */
  boldLead: string | null;
  /** Position in the document, for ordering. */
  index: number;
}

const EDGE_SPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;
const MD_HEADING = /^(#{1,6})\s*/;
const MD_QUOTE = /^>\s?/;
const BOLD = /\*\*([^*]+)\*\*|__([^_]+)__/;

// Lines with Markdown syntax are rewritten before matching; all others reuse the document's key.
const MARKDOWN_SYNTAX = /^[\s\u3000]*[#>]|\*\*|__/;

export function toReportLines(text: string): ReportLine[] {
  const lines: ReportLine[] = [];
  const documentKey = normalizeForMatching(text);
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    if (!MARKDOWN_SYNTAX.test(raw)) {
      const t = raw.replace(EDGE_SPACE, '');
      if (!t || /^[-*_=]{3,}$/.test(t)) continue;
      const start = lineStart + raw.indexOf(t);
      const key = documentKey.slice(start, start + t.length);
      lines.push({ text: t, key, marker: parseListMarker(key), boldLead: null, index: lines.length });
      continue;
    }
    let t = raw.replace(EDGE_SPACE, '').replace(MD_QUOTE, '');
    if (!t) continue;
    let mdLevel = 0;
    const md = MD_HEADING.exec(t);
    if (md) {
      mdLevel = md[1].length;
      t = t.slice(md[0].length);
    }
    const bold = BOLD.exec(t);
    const boldLead = bold && bold.index <= 8 ? (bold[1] ?? bold[2]).replace(EDGE_SPACE, '') : null;
    t = t.replace(/\*\*|__/g, '').replace(EDGE_SPACE, '');
    if (!t || /^[-*_=]{3,}$/.test(t)) continue;
    const key = normalizeForMatching(t);
    const marker = parseListMarker(key, mdLevel);
    lines.push({ text: t, key, marker, boldLead, index: lines.length });
  }
  return lines;
}

/** The line without its list marker. */
export function lineBody(line: ReportLine): string {
  return line.marker ? line.text.slice(line.marker.length) : line.text;
}
