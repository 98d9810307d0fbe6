import { type RectificationProgress, type ReportSection, type SectionKind } from '../extraction-result';
import { classifyHeading, type HeadingClass, isStrongKind } from './classify-heading';
import { SHORTFALL } from './confidence';
import { HEADING_STYLES, type MarkerStyle } from './list-marker';
import { lineBody, type ReportLine } from './report-line';

/**
 * Cuts a report into segments of one kind each (performance, problems, causes, measures,
 * last-year rectification). Outer sections come from the report's outermost heading style;
 * inside them, nested headings (（四）巡视巡察整改"回头看"情况) and lead sentences
 * (分析存在上述问题的主要原因：…, 下一步，…) open segments of their own.
 */
export interface Segment {
  kind: SectionKind;
  heading: string | null;
  lines: ReportLine[];
  /** Opened by a lead-in sentence in running text (主要问题是：), not by a heading. */
  leadIn?: boolean;
  /** Status its heading gives every entry of a last-year group (已完成整改的问题). */
  progress?: RectificationProgress;
  /**
   * Aspect group (1.政治方面 → 存在问题：… 原因：… 整改措施：…) the segment belongs to, when the
   * text labels each part of each aspect: measures answer the problems of their own aspect.
   */
  group?: number;
  /** 责任人：/ 完成时限： lines of a 整改方案 laid out per problem, by label. */
  tracking?: Record<string, string>;
}

type HeadingStyle = string;
const STYLE_RANK = [
  'md1',
  'md2',
  'md3',
  'md4',
  'md5',
  'md6',
  'part',
  'bare',
  'cn',
  'pcn',
  'dec',
  'num',
  'pnum',
  'circ',
];

interface HeadingInfo {
  style: HeadingStyle;
  clause: string;
  /** Text on the heading's line after the heading clause (三、存在问题：一是…). */
  rest: string;
  loose: HeadingClass | null;
  strict: HeadingClass | null;
}

const CLAUSE_END = /[。!?:;]/;

function headingInfo(line: ReportLine): HeadingInfo | null {
  const style =
    line.marker && HEADING_STYLES.has(line.marker.style) ? line.marker.style : line.marker ? null : 'bare';
  if (!style) return null;
  const bodyKey = line.marker ? line.key.slice(line.marker.length) : line.key;
  const body = lineBody(line);
  const end = bodyKey.search(CLAUSE_END);
  const clauseKey = (end < 0 ? bodyKey : bodyKey.slice(0, end)).trim();
  const rest = end < 0 ? '' : body.slice(end + 1).trim();
  if (style === 'bare' && (clauseKey.length > 25 || rest.length > 0)) return null;
  const strict = classifyHeading(clauseKey, 'strict');
  const loose = style === 'bare' ? strict : classifyHeading(clauseKey, 'loose');
  return { style, clause: body.slice(0, clauseKey.length).trim(), rest, loose, strict };
}

/**
 * The outermost heading style: the best-ranked style of a heading that plainly announces problems
 * or measures. Loose matches only count when no plain one exists, because items such as
 * （五）党员队伍老化问题突出 also mention problems.
 */
function chooseTopStyle(infos: (HeadingInfo | null)[]): HeadingStyle | null {
  const rankOf = (style: HeadingStyle) => STYLE_RANK.indexOf(style);
  const pick = (
    classOf: (info: HeadingInfo) => HeadingClass | null,
    accept: (kind: SectionKind) => boolean,
  ) => {
    let best: HeadingStyle | null = null;
    for (const info of infos) {
      const found = info && classOf(info);
      if (!info || !found || !accept(found.kind)) continue;
      if (best === null || rankOf(info.style) < rankOf(best)) best = info.style;
    }
    return best;
  };
  const announcesWork = (k: SectionKind) => k === 'problems' || k === 'measures';
  return (
    pick((i) => i.strict, announcesWork) ??
    pick((i) => i.loose, announcesWork) ??
    pick((i) => i.loose, isStrongKind)
  );
}

export interface SegmentedReport {
  segments: Segment[];
  sections: ReportSection[];
}

export function segmentReport(lines: ReportLine[]): SegmentedReport {
  const infos = lines.map(headingInfo);
  const top = chooseTopStyle(infos);
  const sections: ReportSection[] = [];
  const segments: Segment[] = [];

  const outer: {
    kind: SectionKind;
    combined: boolean;
    progress?: RectificationProgress;
    heading: string | null;
    lines: ReportLine[];
  }[] = [];
  let current: (typeof outer)[number] = { kind: 'performance', combined: false, heading: null, lines: [] };
  let seenProblems = false;
  lines.forEach((line, i) => {
    const info = infos[i];
    const isBoundary =
      top !== null &&
      info?.style === top &&
      (top !== 'bare' || (info.loose && isStrongKind(info.loose.kind)));
    if (!isBoundary || !info) {
      current.lines.push(line);
      return;
    }
    outer.push(current);
    const kind: SectionKind = info.loose?.kind ?? (seenProblems ? 'other' : 'performance');
    if (kind === 'problems' || kind === 'measures') seenProblems = true;
    current = {
      kind,
      combined: info.loose?.combined ?? false,
      progress: info.loose?.progress,
      heading: line.text,
      lines: [],
    };
    if (info.rest) current.lines.push(restLine(line, info.rest));
  });
  outer.push(current);

  for (const section of outer) {
    if (section.heading) sections.push({ kind: section.kind, heading: section.heading });
    for (const seg of splitNested(section, section.lines)) {
      if (seg.heading && seg.heading !== section.heading)
        sections.push({ kind: seg.kind, heading: seg.heading });
      segments.push(seg);
    }
  }
  return { segments: segments.filter((s) => s.lines.length > 0), sections };
}

// 存在问题：… / 原因分析：… / 整改措施：… — a part of an aspect labelled at the start of its line.
const LABEL = /^([\u4e00-\u9fff]{2,10})\s*:\s*(\S.*)$/;

const TRACKING_LABEL =
  /^(责任(?:人|领导|单位|部门|科室)|牵头(?:领导|单位|部门)|配合(?:单位|部门)|(?:完成|整改)(?:时限|时间|期限)|时限(?:要求)?)\s*:\s*(.*)$/;

function namesProblem(line: ReportLine): boolean {
  const body = lineBody(line);
  return SHORTFALL.test(body) || /问题[:。]?$/.test(body);
}

function labelOf(line: ReportLine): { kind: SectionKind; rest: string } | null {
  if (line.marker) return null;
  const m = LABEL.exec(line.key);
  if (!m) return null;
  const found = classifyHeading(m[1], 'strict');
  if (!found || found.kind === 'last_year_rectification' || !isStrongKind(found.kind)) return null;
  return { kind: found.kind, rest: line.text.slice(line.key.length - m[2].length).trim() };
}

function restLine(line: ReportLine, rest: string): ReportLine {
  const offset = line.text.length - rest.length;
  return { text: rest, key: line.key.slice(offset), marker: null, boldLead: null, index: line.index };
}

// 一是党员管理不够精细，究其原因是… is a problem that names its cause, not a causes lead.
const CAUSE_LEAD =
  /^(?!(?:其)?[一二三四五六七八九十]+[是要]|\d+[、.])(?:[一二三四五六七八九十]+、)?(?:分析|剖析|深究|究其|查找|反思|追溯|深挖)?[^。]{0,14}(?:原因|根源)(?:主要)?(?:是|有|在于|如下|为|:|,|分析)/;
const MEASURE_LEAD =
  /^(?:下一步|下步|今后|下阶段|下一阶段|在新的一年里?|新的一年|明年|\d{4}年|针对(?:以上|上述|这些|存在的)(?:问题|不足))[,，]?/;
// Under one heading for problems and plans, the plan may close the section in a paragraph of its
// own that pledges inside a sentence: 党员就是…旗帜。在以后的工作中，我们将坚持…
const FUTURE_PLEDGE =
  /(?:以后|今后|下一步|下步|下阶段|下一阶段|新的一年|明年|来年)(?:的)?(?:工作中|工作里|一年里|里)?[,]?(?:我们|我|支部|党支部|党总支|党委)?(?:将|要|会|还将|计划|打算)/;
const PROBLEM_LEAD =
  /^(?:(?:存在|主要)的?)?(?:问题|不足|差距)(?:和不足|和差距|与不足)?(?:主要)?(?:是|有|表现在|体现在)?[:,]/;

/** Splits one outer section at nested headings and lead sentences. */
function splitNested(
  section: { kind: SectionKind; combined: boolean; progress?: RectificationProgress; heading: string | null },
  lines: ReportLine[],
): Segment[] {
  const { kind, combined, heading } = section;
  const out: Segment[] = [];
  let current: Segment = { kind, heading, lines: [], progress: section.progress };
  let nestedStyle: HeadingStyle | null = null;
  let nested = false;
  const open = (k: SectionKind, h: string | null, isNested: boolean, progress?: RectificationProgress) => {
    out.push(current);
    current = { kind: k, heading: h, lines: [], progress };
    nested = isNested;
  };

  let group = -1;
  let aspectStyle: MarkerStyle | null = null;
  let previous: ReportLine | null = null;
  for (const line of lines) {
    const last = previous;
    previous = line;
    const tracked = TRACKING_LABEL.exec(line.key);
    if (tracked && !line.marker && nestedStyle === 'label') {
      // 责任人：张三 / 完成时限：2024年6月底前 — facts about the aspect's problem, not measures.
      current.tracking = {
        ...current.tracking,
        [tracked[1]]: line.text.slice(line.key.length - tracked[2].length).trim(),
      };
      continue;
    }
    const label = labelOf(line);
    if (label) {
      // （一）理论学习不够深入的问题 followed by 整改措施：… — the heading is the problem itself.
      const heading =
        label.kind !== 'problems' && last?.marker && current.lines.at(-1) === last && namesProblem(last)
          ? last
          : null;
      if (label.kind === 'problems' || heading || group < 0) {
        group++;
        aspectStyle = last?.marker?.style ?? null;
      }
      if (heading) {
        current.lines.pop();
        open('problems', null, true);
        current.group = group;
        current.lines.push(heading);
      }
      open(label.kind, null, true);
      current.group = group;
      nestedStyle = 'label';
      current.lines.push(restLine(line, label.rest));
      continue;
    }
    if (nestedStyle === 'label' && nested && aspectStyle && line.marker?.style === aspectStyle) {
      // The next aspect (2.思想方面) ends the labelled part of the one before.
      open(kind, null, false, section.progress);
      nestedStyle = null;
      current.lines.push(line);
      continue;
    }
    const info = headingInfo(line);
    const strict = info?.strict;
    if (info && strict && isStrongKind(strict.kind)) {
      open(strict.kind, line.text, true, strict.progress);
      nestedStyle = info.style;
      if (info.rest) current.lines.push(restLine(line, info.rest));
      continue;
    }
    if (nested && nestedStyle && info?.style === nestedStyle && current.kind !== kind) {
      // The next sibling heading ends the nested segment: back to the outer section's kind.
      open(kind, null, false, section.progress);
      current.lines.push(line);
      continue;
    }
    if (
      (kind === 'problems' || current.kind === 'problems') &&
      current.kind !== 'causes' &&
      CAUSE_LEAD.test(line.key)
    ) {
      open('causes', null, true);
    } else if (
      !combined &&
      current.kind === 'problems' &&
      !line.marker &&
      MEASURE_LEAD.test(line.key) &&
      FUTURE_PLEDGE.test(line.key)
    ) {
      // 下一步，要…。 closing a problems section: a plan, not one more problem.
      open('measures', null, true);
      current.leadIn = true;
    } else if (
      combined &&
      current.kind === 'problems' &&
      (MEASURE_LEAD.test(line.key) ||
        (!line.marker && current.lines.some((l) => l.marker) && FUTURE_PLEDGE.test(line.key)))
    ) {
      open('measures', null, true);
    } else if (combined && current.kind === 'measures' && PROBLEM_LEAD.test(line.key)) {
      open('problems', null, true);
    }
    current.lines.push(line);
  }
  out.push(current);
  return out;
}
