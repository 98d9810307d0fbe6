import { normalizeForMatching } from '../../text/normalize-for-matching';
import {
  type ExtractedCause,
  type ExtractedMeasure,
  type ExtractedProblem,
  type LastYearRectificationEntry,
} from '../extraction-result';
import { splitHeadline, trimPunctuation } from './headline';
import { readRectificationStatus } from './rectification-status';
import { type ReportLine } from './report-line';
import { CLOSING, type SectionItem, splitItems } from './split-items';

const MIN_ITEM_CHARS = 4;

function itemText(item: SectionItem): string {
  return [item.text, ...item.continuation].join('\n');
}

function headlineOf(item: SectionItem, firstClause = false) {
  const { title, detail } = splitHeadline(item.text, item.boldLead, firstClause);
  return { title, detail: [detail, ...item.continuation].filter(Boolean).join('\n') };
}

export function extractProblems(lines: ReportLine[]): Omit<ExtractedProblem, 'seq'>[] {
  return splitItems(lines)
    .items.map((item) => headlineOf(item, true))
    .filter((p) => p.title.length >= MIN_ITEM_CHARS);
}

export function extractCauses(lines: ReportLine[]): Omit<ExtractedCause, 'seq'>[] {
  const { mode, items, preamble } = splitItems(lines);
  // Unnumbered causes keep the lead sentence they were written with; numbered ones have it in the preamble.
  const texts = items.length > 0 ? items.map(itemText) : preamble;
  return (mode === 'paragraphs' ? texts.map(stripLead) : texts)
    .map((text) => ({ text: trimPunctuation(text) }))
    .filter((c) => c.text.length >= MIN_ITEM_CHARS);
}

// "究其原因，主要是…" / "产生这些问题的原因：…": the lead names the topic, the rest is the cause.
const CAUSE_LEAD = /^[^。]{0,20}?(?:原因|根源)(?:主要)?(?:是|有|在于|如下)?[:,]\s*(?:主要是|主要有|在于)?/;

function stripLead(text: string): string {
  const lead = CAUSE_LEAD.exec(normalizeForMatching(text));
  return lead ? text.slice(lead[0].length) : text;
}

const MEASURE_INTRO =
  /[:：]$|(?:以下|如下)(?:几个方面|几点|方面|工作|措施)|[一二三四五六七八九十几两]个?方面(?:的)?(?:工作)?[。.]?$|(?:重点|着力)(?:做好|抓好)[^。;]{0,8}工作[。.]?$/;

/**
 * One measure per numbered item; without numbering, one per clause where a sentence lists
 * several actions separated by ；, and otherwise one per paragraph.
 */
export function extractMeasures(lines: ReportLine[]): Omit<ExtractedMeasure, 'seq' | 'problemSeqs'>[] {
  const split = splitItems(lines);
  if (split.mode !== 'paragraphs') {
    return split.items.map((item) => headlineOf(item)).filter((m) => m.title.length >= MIN_ITEM_CHARS);
  }
  const measures: Omit<ExtractedMeasure, 'seq' | 'problemSeqs'>[] = [];
  for (const line of lines) {
    const isIntro = MEASURE_INTRO.test(line.key) && line.key.length < 80 && !line.key.includes(';');
    if ((CLOSING.test(line.key) && !line.key.includes(';')) || isIntro) continue;
    for (const clause of splitActions(line.text)) {
      const { title, detail } = splitHeadline(clause);
      if (title.length >= MIN_ITEM_CHARS) measures.push({ title, detail });
    }
  }
  return measures;
}

function splitActions(text: string): string[] {
  const key = normalizeForMatching(text);
  const clauses: string[] = [];
  let start = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i === key.length || key[i] === ';') {
      clauses.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (clauses.length > 1) {
    // "下一步，我将重点做好：加强学习；…": the lead before the colon is not part of the first action.
    const firstKey = normalizeForMatching(clauses[0]);
    const colon = firstKey.indexOf(':');
    if (colon >= 0 && colon < firstKey.length - MIN_ITEM_CHARS) clauses[0] = clauses[0].slice(colon + 1);
  }
  return clauses.map((c) => c.trim()).filter(Boolean);
}

// 针对"为民服务的宗旨意识还有欠缺"问题 / 针对“规范文书和档案管理”情况
const QUOTED_TARGET = /针对[^“"。]{0,16}[“"]([^”"]{2,80})[”"]/;
const QUOTED_TARGETS = new RegExp(QUOTED_TARGET.source, 'g');
// 针对理论学习不深入的问题，
const UNQUOTED_TARGET = /针对([^。;,“”"]{2,40}?)(?:的)?问题/;
const SUMMARY = /(?:\d+|[一二三四五六七八九十]+)个问题.{0,40}(?:\d+|[一二三四五六七八九十]+)(?:条|项|个)/;

export function extractLastYear(lines: ReportLine[]): LastYearRectificationEntry[] {
  const split = splitItems(lines);
  const entries: LastYearRectificationEntry[] = [];
  let items = split.items;
  if (split.mode === 'paragraphs' && items.some((it) => QUOTED_TARGET.test(normalizeForMatching(it.text)))) {
    // Paragraphs that name no problem are introductions or summaries around the real entries.
    items = mergeUntargeted(items);
  }
  for (const item of items) {
    for (const part of splitAtTargets(itemText(item))) {
      const key = normalizeForMatching(part);
      if (SUMMARY.test(key) && !/针对/.test(key)) continue;
      const problem =
        namedProblem(part, key) ?? headlineOf({ ...item, text: part, continuation: [] }, true).title;
      if (problem.length < 2) continue;
      entries.push({ problem, status: readRectificationStatus(key), text: part.trim() });
    }
  }
  return entries;
}

function mergeUntargeted(items: SectionItem[]): SectionItem[] {
  const merged: SectionItem[] = [];
  for (const item of items) {
    if (QUOTED_TARGET.test(normalizeForMatching(item.text)))
      merged.push({ ...item, continuation: [...item.continuation] });
    else if (merged.length > 0) merged[merged.length - 1].continuation.push(item.text);
  }
  return merged;
}

/** One paragraph may report on several problems, each opened by 针对“…”. */
function splitAtTargets(text: string): string[] {
  const key = normalizeForMatching(text);
  const starts = [...key.matchAll(QUOTED_TARGETS)]
    .map((m) => m.index ?? 0)
    .filter((i) => i === 0 || /[。;\n]/.test(key[i - 1]));
  if (starts.length < 2) return [text];
  // Text before the first 针对 introduces the entries and is not one of them.
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length).trim());
}

function namedProblem(text: string, key: string): string | null {
  const quoted = QUOTED_TARGET.exec(key);
  if (quoted && (quoted.index ?? 0) < 40) {
    const start = (quoted.index ?? 0) + quoted[0].length - quoted[1].length - 1;
    return text.slice(start, start + quoted[1].length).trim();
  }
  const unquoted = UNQUOTED_TARGET.exec(key);
  if (unquoted && unquoted.index < 20) {
    const start = unquoted.index + 2;
    return trimPunctuation(text.slice(start, start + unquoted[1].length));
  }
  return null;
}
