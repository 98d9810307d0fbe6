import { type CorpusEncoding, encodeReportText } from './report-encoding';
import { drawReportSpec } from './report-spec';
import { composeReportText } from './report-text';
import { SeededRandom } from './seeded-random';

/**
 * A deterministic corpus of synthetic annual work reports (述职报告 / 党建工作总结), stored as an
 * upload would arrive: bytes in UTF-8 (with or without BOM), GB18030 or UTF-16LE with BOM.
 * The same seed and count always give byte-identical reports.
 */
export interface CorpusReport {
  name: string;
  bytes: Uint8Array;
  /** How the bytes were written, so that a baseline can decode them without detection. */
  encoding: CorpusEncoding;
}

export const DEFAULT_CORPUS_SIZE = 2_400;
export const DEFAULT_CORPUS_SEED = 0x5eed2024;

function fileNameFor(index: number, title: string, markdown: boolean): string {
  const safeTitle = title.replace(/^#\s*/, '').replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${String(index + 1).padStart(4, '0')}_${safeTitle}.${markdown ? 'md' : 'txt'}`;
}

export function generateReport(index: number, seed = DEFAULT_CORPUS_SEED): CorpusReport {
  // One stream per report: report i is the same whatever the corpus size.
  const random = new SeededRandom(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const spec = drawReportSpec(random);
  const { title, text } = composeReportText(spec, random);
  return {
    name: fileNameFor(index, title, spec.sectionStyle === 'markdown'),
    bytes: encodeReportText(text, spec.encoding),
    encoding: spec.encoding,
  };
}

export function generateReportCorpus(
  count = DEFAULT_CORPUS_SIZE,
  seed = DEFAULT_CORPUS_SEED,
): CorpusReport[] {
  return Array.from({ length: count }, (_, index) => generateReport(index, seed));
}
