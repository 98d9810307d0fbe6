import { looksTraditional } from '../../text/normalize-for-matching';
import { type ExtractedCause, type ExtractedProblem, type ParsedReport } from '../extraction-result';
import { stripNoise } from '../noise/strip-noise';
import { asProgressReport, detectDocumentKind } from './detect-kind';
import { detectTitle } from './detect-title';
import { detectYear } from './detect-year';
import {
  causesInProblems,
  extractCauses,
  extractLastYear,
  extractMeasures,
  extractProblems,
} from './extract-items';
import { findUnheadedSections } from './find-unheaded-sections';
import { linkMeasures, linkWithinGroups } from './link-measures';
import { trackingFromLabels } from './tracking-from-labels';
import { toReportLines } from './report-line';
import { splitRunOnLines } from './split-run-on-lines';
import { stripClosing } from './strip-closing';
import { type Segment, segmentReport } from './segment-report';

/**
 * Parses the decoded text of an annual work report. Pure: no I/O, deterministic, and it never
 * throws on odd text; what it cannot find it reports in `warnings` (in Chinese, for people).
 */
export function parseReport(rawText: string): ParsedReport {
  const { text, removed } = stripNoise(rawText);
  const allLines = toReportLines(splitRunOnLines(text));
  const titleLine = detectTitle(allLines);
  const lines = stripClosing(titleLine ? allLines.slice(1) : allLines);
  const { segments: headed, sections } = segmentReport(lines);
  const title = titleLine?.text ?? null;
  const found = findUnheadedSections(headed);
  const kind = detectDocumentKind(title, found);
  const segments = kind === 'rectification_progress' ? asProgressReport(found) : found;
  const of = (kind: Segment['kind']) => segments.filter((s) => s.kind === kind);

  const groupTracking = new Map<number, Record<string, string>>();
  for (const s of segments) {
    if (s.group !== undefined && s.tracking)
      groupTracking.set(s.group, { ...groupTracking.get(s.group), ...s.tracking });
  }
  const problemGroups = new Map<number, number[]>();
  const problems: ExtractedProblem[] = [];
  for (const s of of('problems')) {
    for (const p of extractProblems(s.lines, s.leadIn === true)) {
      const tracking = s.group !== undefined ? groupTracking.get(s.group) : undefined;
      problems.push({
        seq: problems.length + 1,
        ...p,
        ...(tracking ? { tracking: trackingFromLabels(tracking) } : {}),
      });
      if (s.group !== undefined)
        problemGroups.set(s.group, [...(problemGroups.get(s.group) ?? []), problems.length]);
    }
  }
  const causes: ExtractedCause[] = [
    ...of('causes').flatMap((s) => extractCauses(s.lines)),
    ...causesInProblems(problems),
  ].map((c, i) => ({ seq: i + 1, ...c }));
  // Plans announced in running text count only when no heading announced measures that were found.
  const withGroup = (s: Segment, leadIn: boolean) =>
    extractMeasures(s.lines, leadIn).map((m) => ({ ...m, group: s.group }));
  const fromHeadings = of('measures').flatMap((s) => (s.leadIn ? [] : withGroup(s, false)));
  const measureItems =
    fromHeadings.length > 0 ? fromHeadings : of('measures').flatMap((s) => withGroup(s, true));
  const measures = linkWithinGroups(
    linkMeasures(
      problems,
      measureItems.map(({ group: _group, ...m }, i) => ({ seq: i + 1, ...m })),
    ),
    measureItems.map((m) => m.group),
    problemGroups,
    problems,
  );
  const lastYearRectification = of('last_year_rectification').flatMap((s) =>
    extractLastYear(s.lines, s.progress),
  );

  const year = detectYear(
    title,
    lines.slice(0, 3).map((l) => l.key),
    segments,
  );

  const warnings: string[] = [];
  if (allLines.length === 0)
    warnings.push('报告没有正文内容：请检查文件是否为空或只含广告、付费标记等噪声。');
  const progressReport = kind === 'rectification_progress' && lastYearRectification.length > 0;
  if (problems.length === 0 && !progressReport) {
    warnings.push(
      of('problems').length > 0
        ? '"存在问题"部分中没有识别出具体问题：请核对原文，或手工补录问题。'
        : '报告中未找到"存在问题"部分：请检查标题是否为"存在问题"、"存在的不足"、"问题和差距"或"不足之处"等，或手工补录问题。',
    );
  }
  if (problems.length > 0 && measures.length === 0) {
    warnings.push(
      of('measures').length > 0
        ? '"下步工作打算"或"整改措施"部分中没有识别出具体措施：请核对原文，为每个问题补充整改措施。'
        : '报告中未找到"下步工作打算"或"整改措施"部分：问题已识别，请为每个问题补充整改措施。',
    );
  }
  if (year === null) warnings.push('无法确定报告年度：标题和正文中都没有可辨认的年份，请在导入时指定年度。');
  if (removed > 0) warnings.push(`已移除${removed}处复制文本中的噪声（付费标记、广告或来源声明）。`);
  if (looksTraditional(text)) warnings.push('报告为繁体中文：已按简体关键词识别，输出保留原文字形。');

  return {
    kind,
    year,
    title,
    warnings,
    sections,
    problems,
    causes,
    measures,
    lastYearRectification,
  };
}
