import { isYearInWindow } from '../../calendar/date-window';
import { normalizeForMatching } from '../../text/normalize-for-matching';
import { type ParsedReport } from '../extraction-result';

const YEAR = /(?<!\d)((?:19|20|21)\d{2})\s*年/;

/**
 * What the lines above a spreadsheet's problem tables say (青石村党支部2024年度问题整改清单 /
 * 填报时间：2024年3月): its title is the first line, its year the first 2024年 in them. A
 * spreadsheet has no report text to parse, so the rest is empty; the problems come from its
 * tables (appendTableProblems). Warns, as the report parser does, when no year is found.
 */
export function describeSpreadsheet(titleText: string): ParsedReport {
  const lines = titleText
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const match = lines.map((l) => YEAR.exec(normalizeForMatching(l))).find(Boolean);
  const year = match && isYearInWindow(Number(match[1])) ? Number(match[1]) : null;
  return {
    kind: 'rectification_plan',
    year,
    title: lines[0] ?? null,
    warnings: year === null ? ['无法确定报告年度：表格标题中没有可辨认的年份，请在导入时指定年度。'] : [],
    sections: [],
    problems: [],
    causes: [],
    measures: [],
    lastYearRectification: [],
  };
}
