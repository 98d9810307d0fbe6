import { decodeReport, type DecodedReport } from './decode/decode-report';
import { type ExtractionResult } from './extraction-result';
import { parseReport } from './parse/parse-report';

/** What the parser finds in already decoded report text. */
export function extractDecoded(decoded: DecodedReport): ExtractionResult {
  const parsed = parseReport(decoded.text);
  return {
    year: parsed.year,
    title: parsed.title,
    encoding: decoded.encoding,
    warnings: parsed.warnings,
    sections: parsed.sections,
    problems: parsed.problems,
    causes: parsed.causes,
    measures: parsed.measures,
    lastYearRectification: parsed.lastYearRectification,
  };
}

/** Bytes of an uploaded report in, everything the parser finds out. Throws ReportReadError. */
export async function extractReport(bytes: Uint8Array, fileName?: string): Promise<ExtractionResult> {
  return extractDecoded(await decodeReport(bytes, fileName));
}
