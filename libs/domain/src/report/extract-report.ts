import { decodeReport } from './decode/decode-report';
import { type ExtractionResult } from './extraction-result';
import { parseReport } from './parse/parse-report';

/** Bytes of an uploaded report in, everything the parser finds out. Throws ReportReadError. */
export async function extractReport(bytes: Uint8Array, fileName?: string): Promise<ExtractionResult> {
  const decoded = await decodeReport(bytes, fileName);
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
