import { normalizeForMatching } from '../../text/normalize-for-matching';
import { type DocumentKind } from '../extraction-result';
import { readRectificationStatus } from './rectification-status';
import { type Segment } from './segment-report';
import { splitItems } from './split-items';
import { UNQUOTED_TARGETS } from './extract-items';

/**
 * The kind of document (文种) from its title and, where titles mislead, its content. A title such
 * as 关于…查摆问题整改情况的报告 names rectification but may list this year's problems with
 * measures: it is a progress report (整改情况报告 / 通报) only when its problems carry statuses
 * (已整改完成 / 整改状态：完成 / 正在整改 …) or are grouped by status.
 */
const PROGRESS_TITLE =
  /整改(?:工作)?(?:落实|进展|推进|完成)?情况|整改进展|整改(?:工作)?(?:的)?(?:报告|通报)|整改落实|销号情况/;
const INSPECTION_TITLE = /对照检查|检视剖析|发言提纲|剖析材料|个人剖析|检查材料|查摆剖析|对照检视/;
const PLAN_TITLE =
  /整改(?:工作)?方案|整改(?:任务|问题)?清单|问题清单|整改台账|任务清单|整改措施清单|整改计划/;

export function detectDocumentKind(title: string | null, segments: Segment[]): DocumentKind {
  const key = title ?? '';
  if (INSPECTION_TITLE.test(key)) return 'inspection_material';
  if (PROGRESS_TITLE.test(key) && problemsCarryStatuses(segments)) return 'rectification_progress';
  if (PLAN_TITLE.test(key)) return 'rectification_plan';
  if (!title && segments.some((s) => s.progress) && !segments.some((s) => s.kind === 'problems'))
    return 'rectification_progress';
  return 'work_report';
}

/** At least half of the items in the problem and last-year sections say how far they got. */
function problemsCarryStatuses(segments: Segment[]): boolean {
  if (segments.some((s) => s.progress)) return true;
  if (segments.some((s) => s.lines.some(namesEntries))) return true;
  const items = segments
    .filter((s) => s.kind === 'problems' || s.kind === 'last_year_rectification')
    .flatMap((s) => splitItems(s.lines).items);
  if (items.length === 0) return false;
  const withStatus = items.filter(
    (item) =>
      readRectificationStatus(normalizeForMatching([item.text, ...item.continuation].join('\n'))) !==
      'unknown',
  );
  return withStatus.length * 2 >= items.length;
}

/**
 * In a progress report the problems are last year's (or the inspection's), each with its
 * 整改情况: their sections are read as last-year rectification, like a 上年度整改情况 section.
 */
export function asProgressReport(segments: Segment[]): Segment[] {
  const entriesAnywhere = segments.some(
    (s) =>
      (s.kind === 'problems' && !s.leadIn) ||
      s.kind === 'last_year_rectification' ||
      s.lines.some(namesEntries),
  );
  return segments.flatMap((s): Segment[] => {
    const runningText = s.kind === 'performance' || (s.kind === 'problems' && s.leadIn === true);
    if (runningText && s.lines.some(namesEntries)) {
      // A paragraph of 关于…的问题，…已完成整改；关于…: the entries, in running text.
      return s.lines.map((line) => ({
        ...s,
        kind: namesEntries(line) ? 'last_year_rectification' : 'other',
        lines: [line],
      }));
    }
    // 针对查摆出的5个问题制定了…: a lead-in that only counts the problems, when entries are elsewhere.
    if (s.kind === 'problems' && s.leadIn && entriesAnywhere) return [{ ...s, kind: 'other' }];
    if (s.kind === 'problems' || (s.kind === 'other' && carriesStatuses(s)))
      return [{ ...s, kind: 'last_year_rectification' }];
    return [s];
  });
}

/** The line reports on two or more problems, each opened by 关于…的问题，, with a status. */
function namesEntries(line: { key: string }): boolean {
  UNQUOTED_TARGETS.lastIndex = 0;
  const targets = line.key.match(UNQUOTED_TARGETS)?.length ?? 0;
  return targets >= 2 && readRectificationStatus(line.key) !== 'unknown';
}

/** A group such as （二）关于“全面从严治党”方面 whose numbered entries say how far they got. */
function carriesStatuses(segment: Segment): boolean {
  const items = splitItems(segment.lines).items;
  return (
    items.length > 0 &&
    items.some((item) => readRectificationStatus(normalizeForMatching(itemText(item))) !== 'unknown')
  );
}

const itemText = (item: { text: string; continuation: string[] }) =>
  [item.text, ...item.continuation].join('\n');
