import { STATUS_PROFILES, stageOf } from '../lifecycle';
import { chineseDate, chineseNumeral, clause, quoted } from './chinese-text';
import { type TrackedItem } from './tracked-item';

/**
 * The 上年度整改情况 section of an organisation's annual report, written from the tracked items
 * of the year before: an opening summary sentence, then one paragraph per item. Every item is
 * written, unfinished ones say so, and the same items and day always give the same text.
 */
export interface LastYearSection {
  /** The year of the report the section opens. */
  reportYear: number;
  /** The year whose problems it accounts for (reportYear − 1). */
  problemYear: number;
  heading: string;
  summary: string;
  paragraphs: { itemId: string; text: string }[];
  counts: SectionCounts;
}

export interface SectionCounts {
  problems: number;
  measures: number;
  completed: number;
  longTerm: number;
  unfinished: number;
}

export interface ComposeSectionOptions {
  reportYear: number;
  /** Today's date (ISO), for unfinished items past their deadline. */
  asOf: string;
}

export function composeLastYearSection(
  items: readonly TrackedItem[],
  options: ComposeSectionOptions,
): LastYearSection {
  const ordered = [...items].sort(compareItems);
  const counts = countSection(ordered);
  return {
    reportYear: options.reportYear,
    problemYear: options.reportYear - 1,
    heading: `上年度（${options.reportYear - 1}年度）查摆问题整改情况`,
    summary: summarySentence(counts),
    paragraphs: ordered.map((item, i) => ({
      itemId: item.id,
      text: `（${chineseNumeral(i + 1)}）${itemParagraph(item, options.asOf)}`,
    })),
    counts,
  };
}

export function countSection(items: readonly TrackedItem[]): SectionCounts {
  const completed = items.filter((i) => stageOf(i.status) === 'completed').length;
  const longTerm = items.filter((i) => stageOf(i.status) === 'long_term').length;
  return {
    problems: items.length,
    measures: items.reduce((n, i) => n + i.measures.length, 0),
    completed,
    longTerm,
    unfinished: items.length - completed - longTerm,
  };
}

/** 对照查摆的8个问题，制定整改措施8条，已整改完成5个，需长期坚持整改3个。 */
export function summarySentence(c: SectionCounts): string {
  const parts = [
    `对照查摆的${c.problems}个问题`,
    `制定整改措施${c.measures}条`,
    `已整改完成${c.completed}个`,
  ];
  if (c.longTerm > 0) parts.push(`需长期坚持整改${c.longTerm}个`);
  if (c.unfinished > 0) parts.push(`尚未完成${c.unfinished}个`);
  return `${parts.join('，')}。`;
}

function itemParagraph(item: TrackedItem, asOf: string): string {
  return [
    `针对${quoted(problemName(item.title))}问题，${measuresClause(item)}。`,
    statusSentences(item, asOf),
  ].join('');
}

/** The problem's name without a trailing 问题, so 针对"…"问题 does not say it twice. */
export function problemName(title: string): string {
  const name = clause(title).replace(/(的)?问题$/u, '');
  return name === '' ? clause(title) : name;
}

function measuresClause(item: TrackedItem): string {
  const titles = item.measures.map((m) => clause(m.title)).filter((t) => t !== '');
  if (titles.length === 0) return '尚未制定整改措施';
  if (titles.length === 1) return `制定整改措施1条：${titles[0]}`;
  const listed = titles.map((t, i) => `${chineseNumeral(i + 1)}是${t}`).join('；');
  return `制定整改措施${titles.length}条：${listed}`;
}

function statusSentences(item: TrackedItem, asOf: string): string {
  switch (stageOf(item.status)) {
    case 'completed': {
      const done = item.completionEvidence ? `整改成效：${clause(item.completionEvidence)}。` : '';
      const signedOff = item.completedOn ? `，于${chineseDate(item.completedOn)}审核销号` : '';
      return `${done}该问题已整改完成${signedOff}。`;
    }
    case 'long_term': {
      const latest = item.latestProgress ? `目前${progressClause(item.latestProgress.note)}。` : '';
      return `${latest}该问题需长期坚持整改，持续推进中。`;
    }
    case 'open':
      return unfinishedSentence(item, asOf);
  }
}

/** 尚未完成，目前…，计划…完成。 */
function unfinishedSentence(item: TrackedItem, asOf: string): string {
  // An item still `identified` may carry the measures its report planned, not yet assigned.
  const now =
    item.status === 'identified' && item.measures.length > 0
      ? '整改措施尚未落实到责任人'
      : (STATUS_PROFILES[item.status].now?.section ?? '正在落实整改措施');
  const progress = item.latestProgress ? `，${progressClause(item.latestProgress.note)}` : '';
  let plan: string;
  if (!item.deadline) plan = '尚未明确完成时限';
  else if (item.deadline < asOf) plan = `原计划于${chineseDate(item.deadline)}前完成，已超过整改时限`;
  else plan = `计划于${chineseDate(item.deadline)}前完成`;
  return `该问题尚未完成，目前${now}${progress}，${plan}。`;
}

/** A progress note as a clause after 目前, without saying 目前 twice. */
function progressClause(note: string): string {
  return clause(note).replace(/^(?:目前|当前|现)[，,：:]?/u, '');
}

/**
 * Older reports first, then organisations by name (compareOrganisationNames), then the order of
 * the problems in their report. A streamed ledger reads its pages from the database in this order.
 */
export function compareItems(a: TrackedItem, b: TrackedItem): number {
  return (
    (a.reportYear ?? 0) - (b.reportYear ?? 0) ||
    compareOrganisationNames(a.organisationName, b.organisationName) ||
    a.reportImportedAt.localeCompare(b.reportImportedAt) ||
    a.seq - b.seq ||
    a.id.localeCompare(b.id)
  );
}

/** Organisation names in Chinese (pinyin) order, as people look them up; 0 for names that read alike. */
export function compareOrganisationNames(a: string, b: string): number {
  return a.localeCompare(b, 'zh');
}
