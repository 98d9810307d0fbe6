import { decodeReport, type DecodedReport } from './decode/decode-report';
import { fitTitle } from '../items/item-title';
import { type ExtractionResult } from './extraction-result';
import { parseReport } from './parse/parse-report';
import { appendTableProblems } from './table/append-table-problems';
import { describeSpreadsheet } from './table/spreadsheet-titles';

/**
 * What the parser finds in already decoded report text, plus the problems of its 问题清单
 * tables (appendTableProblems) and the reader's own warnings. A spreadsheet's text is only the
 * titles above its tables, so it is not parsed as a report (describeSpreadsheet). A headline
 * longer than an item's title may be is cut there, the rest going to the detail (fitTitle).
 */
export function extractDecoded(decoded: DecodedReport): ExtractionResult {
  const spreadsheet = decoded.format === 'xlsx' || decoded.format === 'csv';
  const read = spreadsheet ? describeSpreadsheet(decoded.text) : parseReport(decoded.text);
  const parsed = appendTableProblems(read, decoded.tables);
  return {
    kind: parsed.kind,
    year: parsed.year,
    title: parsed.title,
    encoding: decoded.encoding,
    warnings: [...parsed.warnings, ...decoded.warnings],
    sections: parsed.sections,
    problems: parsed.problems.map((p) => ({ ...p, ...fitTitle(p.title, p.detail) })),
    causes: parsed.causes,
    measures: parsed.measures,
    lastYearRectification: parsed.lastYearRectification,
  };
}

/** Bytes of an uploaded report in, everything the parser finds out. Throws ReportReadError. */
export async function extractReport(bytes: Uint8Array, fileName?: string): Promise<ExtractionResult> {
  return extractDecoded(await decodeReport(bytes, fileName));
}
