import { type DecodedTable } from '../decode/decode-report';
import { type ExtractedMeasure, type ExtractedProblem, type ParsedReport } from '../extraction-result';
import { readProblemTable } from './read-problem-table';

// Parser warnings that a problem table answers: they would be false once its rows are read.
const ANSWERED_BY_TABLE = [/^报告没有正文内容/, /未找到"存在问题"/];
const MEASURES_MISSING = /未找到"下步工作打算"|未找到.{0,4}"整改措施"/;

/**
 * Appends the problems of every 问题清单 table (readProblemTable; tables without a problem
 * header are left alone) to what the parser found in the text: seq numbers continue, each
 * measure of a row answers that row's problem, both with basis 'table_row', the problem with
 * its tracking. When the problems come from tables only, the document is a
 * 'rectification_plan' and the parser's "no problem section" warnings are dropped, since the
 * table answers them; the tables' own warnings (第N行：…) are added.
 */
export function appendTableProblems(parsed: ParsedReport, tables: DecodedTable[]): ParsedReport {
  const problems: ExtractedProblem[] = [...parsed.problems];
  const measures: ExtractedMeasure[] = [...parsed.measures];
  const warnings: string[] = [];
  let fromTables = 0;
  let withoutMeasures = 0;
  for (const table of tables) {
    const reading = readProblemTable(table);
    if (!reading) continue;
    warnings.push(...reading.warnings);
    for (const row of reading.problems) {
      const seq = problems.length + 1;
      const { title, detail, tracking, confidence } = row;
      problems.push({ seq, title, detail, basis: 'table_row', confidence, tracking });
      for (const m of row.measures) {
        measures.push({ seq: measures.length + 1, ...m, problemSeqs: [seq], basis: 'table_row', confidence });
      }
      fromTables++;
      if (row.measures.length === 0) withoutMeasures++;
    }
  }
  if (fromTables === 0) return { ...parsed, warnings: [...parsed.warnings, ...warnings] };
  const onlyTables = parsed.problems.length === 0;
  const kept = onlyTables
    ? parsed.warnings.filter((w) => !ANSWERED_BY_TABLE.some((re) => re.test(w)) && !MEASURES_MISSING.test(w))
    : parsed.warnings;
  if (withoutMeasures > 0) {
    warnings.push(`问题清单中有 ${withoutMeasures} 个问题没有填写整改措施：请导入后为这些问题补充措施。`);
  }
  return {
    ...parsed,
    kind: onlyTables ? 'rectification_plan' : parsed.kind,
    problems,
    measures,
    warnings: [...kept, ...warnings],
  };
}
