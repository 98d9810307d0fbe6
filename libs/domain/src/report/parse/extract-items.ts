import { normalizeForMatching } from '../../text/normalize-for-matching';
import {
  type ExtractionBasis,
  type ExtractedCause,
  type ExtractedMeasure,
  type ExtractedProblem,
  type LastYearRectificationEntry,
  type RectificationProgress,
} from '../extraction-result';
import { measureConfidence, problemConfidence } from './confidence';
import { splitHeadline, trimPunctuation } from './headline';
import { readRectificationStatus, readStatusField } from './rectification-status';
import { type ReportLine, toReportLines } from './report-line';
import { splitLeadInClauses } from './split-clauses';
import { CLOSING, type SectionItem, type SplitMode, splitItems } from './split-items';

const MIN_ITEM_CHARS = 4;

function itemText(item: SectionItem): string {
  return [item.text, ...item.continuation].join('\n');
}

function headlineOf(item: SectionItem, firstClause = false) {
  const { title, detail } = splitHeadline(item.text, item.boldLead, firstClause);
  return { title, detail: [detail, ...item.continuation].filter(Boolean).join('\n') };
}

type Found<T> = Omit<T, 'seq' | 'problemSeqs'>;

/** Why items split in `mode` were taken; a section opened by a lead-in sentence says so. */
function basisOf(mode: SplitMode, leadIn: boolean): ExtractionBasis {
  if (mode === 'lines') return 'numbered_item';
  if (leadIn) return 'lead_in_sentence';
  return mode === 'inline' ? 'inline_enumeration' : 'paragraph';
}

/**
 * The problems of a problems section: numbered or enumerated items, else clauses after a
 * lead-in (存在的问题：如A；B；C), else one per paragraph. `leadIn`: the section was opened by a
 * sentence in running text (主要问题是：) rather than a heading.
 */
export function extractProblems(lines: ReportLine[], leadIn = false): Found<ExtractedProblem>[] {
  const split = splitItems(lines);
  const found: Found<ExtractedProblem>[] = [];
  const add = (item: SectionItem, basis: ExtractionBasis) => {
    const { title, detail } = headlineOf(item, true);
    if (title.length >= MIN_ITEM_CHARS)
      found.push({ title, detail, basis, confidence: problemConfidence(basis, title) });
  };
  for (const item of split.items) {
    const aspect = split.mode === 'lines' ? aspectOf(item) : null;
    if (aspect) {
      // （一）政治建设方面。一是…；二是… — the aspect groups the problems after it.
      const inner = splitItems(toReportLines(aspect.rest));
      const innerBasis = inner.mode === 'inline' ? 'inline_enumeration' : 'numbered_item';
      if (inner.mode === 'inline' && inner.items.length >= 2) {
        inner.items.forEach((it, i) =>
          add(i === inner.items.length - 1 ? { ...it, continuation: item.continuation } : it, innerBasis),
        );
      } else {
        add({ ...item, text: aspect.rest, boldLead: null }, 'numbered_item');
      }
      continue;
    }
    const clauses = split.mode === 'paragraphs' ? splitLeadInClauses(itemText(item)) : null;
    if (!clauses) {
      add(item, basisOf(split.mode, leadIn));
      continue;
    }
    clauses.clauses.forEach((text, i) => {
      const last = i === clauses.clauses.length - 1;
      add(
        { text, boldLead: null, continuation: last && clauses.after ? [clauses.after] : [] },
        'separated_clauses',
      );
    });
  }
  return found;
}

// 政治建设方面。/ 在党性修养方面： — an aspect named before the problem itself.
const ASPECT_LEAD = /^(?:在)?[^。:,;]{1,12}方面(?:存在的?问题)?[。:]/;

function aspectOf(item: SectionItem): { rest: string } | null {
  const key = normalizeForMatching(item.text);
  const m = ASPECT_LEAD.exec(key);
  if (!m || key.length - m[0].length < MIN_ITEM_CHARS) return null;
  return { rest: item.text.slice(m[0].length).trim() };
}

// 党员管理不够精细，究其原因是考核机制不健全。— a problem that names its own cause.
const CAUSE_IN_DETAIL =
  /(?:究其原因(?:主要)?(?:是|在于)?|原因(?:主要)?(?:是|在于|为))[,:]?(?:主要是|在于)?([^。;\n]{4,80})/;

/** Causes stated inside problems' details (究其原因是… / 原因在于…), in the problems' order. */
export function causesInProblems(problems: { detail: string }[]): Omit<ExtractedCause, 'seq'>[] {
  return problems.flatMap((p) => {
    const key = normalizeForMatching(p.detail);
    const m = CAUSE_IN_DETAIL.exec(key);
    if (!m) return [];
    const start = m.index + m[0].length - m[1].length;
    return [{ text: trimPunctuation(p.detail.slice(start, start + m[1].length)) }];
  });
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
export function extractMeasures(lines: ReportLine[], leadIn = false): Found<ExtractedMeasure>[] {
  const split = splitItems(lines);
  const measures: Found<ExtractedMeasure>[] = [];
  const add = (title: string, detail: string, basis: ExtractionBasis) => {
    if (title.length >= MIN_ITEM_CHARS)
      measures.push({ title, detail, basis, confidence: measureConfidence(basis, title) });
  };
  if (split.mode !== 'paragraphs') {
    const basis = basisOf(split.mode, leadIn);
    for (const item of split.items) {
      const { title, detail } = headlineOf(item);
      add(title, detail, basis);
    }
    return measures;
  }
  for (const [i, line] of lines.entries()) {
    // After a lead-in in running text, the story goes on (会议还开展了…): only what reads as a plan counts.
    if (leadIn && i > 0 && !IMPERATIVE.test(line.key) && !FUTURE_LEAD.test(line.key)) continue;
    const isIntro =
      MEASURE_INTRO.test(line.key) &&
      line.key.length < 80 &&
      !line.key.includes(';') &&
      !/。./.test(line.key.trimEnd());
    if ((CLOSING.test(line.key) && !line.key.includes(';')) || isIntro) continue;
    const clauses = splitActions(stripFutureLead(line.text));
    const basis = clauses.length > 1 ? 'separated_clauses' : basisOf('paragraphs', leadIn);
    for (const clause of clauses) {
      const { title, detail } = splitHeadline(clause);
      add(title, detail, basis);
    }
  }
  return measures;
}

// "在以后的工作中，我们将坚持…": the pledge's lead is not part of the first action.
const FUTURE_LEAD =
  /^(?:[^。]{0,30}。)*?(?:在)?(?:以后|今后|下一步|下步|下阶段|下一阶段|新的一年|明年|来年|\d{4}年度?)(?:的)?(?:工作中|工作里|一年里|里|中)?[,]?(?:我们|我|支部|党支部|党总支|党委)?(?:将|要|会|还将)(?:继续)?/;

function stripFutureLead(text: string): string {
  const lead = FUTURE_LEAD.exec(normalizeForMatching(text));
  return lead && lead[0].length < text.length - MIN_ITEM_CHARS ? text.slice(lead[0].length) : text;
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
  if (clauses.length === 1) return imperativeSentences(text);
  return clauses.map((c) => c.trim()).filter(Boolean);
}

// 要加强学习。要规范组织生活。: sentences that each open with what to do are one action each.
const IMPERATIVE =
  /^(?:要|将|还要|继续|进一步|切实|认真|全面|大力|积极|主动|持续|不断)?(?:加强|强化|建立|健全|完善|落实|制定|推进|推动|开展|组织|坚持|严格|规范|提升|提高|抓好|抓实|做好|深化|狠抓|确保|加大|注重|着力|把|定期|每[月季年周]|拓宽|拓展|发展|优化|创新|丰富|探索|打造|培育|夯实|筑牢|增强|改进|加快|压实|实施|推行|引导|发挥|树立|弘扬|巩固|扩大|用好|管好|聚焦|围绕|严把|严守|深入|扎实|紧扣|坚决|落细|细化|完成|建设|召开|举办|选派|配齐|配强|整治|清理|补齐|健全)/;

// 重点抓好以下工作。 introduces the sentences after it.
const INTRO_SENTENCE = /以下|如下|几个方面|几点|几项/;

function imperativeSentences(text: string): string[] {
  let sentences =
    text
      .match(/[^。!?！？]+[。!?！？]?/g)
      ?.map((t) => t.trim())
      .filter(Boolean) ?? [];
  if (sentences.length > 2 && INTRO_SENTENCE.test(sentences[0])) sentences = sentences.slice(1);
  if (sentences.length < 2 || !sentences.every((t) => IMPERATIVE.test(normalizeForMatching(t))))
    return [text.trim()].filter(Boolean);
  return sentences.map((t) => t.replace(/^(?:要|还要)/, ''));
}

// 针对"为民服务的宗旨意识还有欠缺"问题 / 针对“规范文书和档案管理”情况
// …or 关于“党组会议研究党建工作次数偏少”问题的整改 in a progress report.
const QUOTED_TARGET = /(?:针对|关于)[^“"。,;]{0,16}[“"]([^”"]{2,80})[”"]/;
const QUOTED_TARGETS = new RegExp(QUOTED_TARGET.source, 'g');
// 针对理论学习不深入的问题，
const UNQUOTED_TARGET = /(?:针对|关于)([^。;,“”"]{2,40}?)(?:的)?问题/;
// 关于理论学习不够深入的问题，…；关于…: entries written one after another in one paragraph.
export const UNQUOTED_TARGETS = /(?:^|(?<=[。;\n]))关于[^。;,“”"]{2,40}?的?问题,/g;
const SUMMARY = /(?:\d+|[一二三四五六七八九十]+)个问题.{0,40}(?:\d+|[一二三四五六七八九十]+)(?:条|项|个)/;

/**
 * Last year's problems and how far each got. The status is read from a field written for it
 * (整改状态：完成), else from the group heading (`progress`: 已完成整改的问题), else from wording.
 */
export function extractLastYear(
  lines: ReportLine[],
  progress?: RectificationProgress,
): LastYearRectificationEntry[] {
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
      const status = readStatusField(key) ?? progress ?? readRectificationStatus(key);
      entries.push({ problem, status, text: part.trim() });
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
  let starts = [...key.matchAll(QUOTED_TARGETS)]
    .map((m) => m.index ?? 0)
    .filter((i) => i === 0 || /[。;\n]/.test(key[i - 1]));
  if (starts.length < 2) starts = [...key.matchAll(UNQUOTED_TARGETS)].map((m) => m.index ?? 0);
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
