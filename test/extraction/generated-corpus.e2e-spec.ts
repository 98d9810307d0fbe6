import { parseReport } from '@rectify/domain';
import { DEFAULT_CORPUS_SEED } from '../../bench/report-corpus';
import { drawReportSpec } from '../../bench/report-spec';
import { composeReportText } from '../../bench/report-text';
import { SeededRandom } from '../../bench/seeded-random';

// The benchmark's generator knows how many problems and which year it wrote into each report,
// so its corpus doubles as a broad regression check of the parser across styles and noise.
const SAMPLE = 400;
const NOISE = /paid(?:begin|end)|素材库|www\.|原创|公众号|客服/;

describe('generated report corpus', () => {
  const reports = Array.from({ length: SAMPLE }, (_, index) => {
    const random = new SeededRandom(DEFAULT_CORPUS_SEED ^ Math.imul(index + 1, 0x9e3779b1));
    const spec = drawReportSpec(random);
    return { index, spec, result: parseReport(composeReportText(spec, random).text) };
  });

  it('finds the number of problems each report was written with', () => {
    const misses = reports
      .filter((r) => r.result.problems.length !== r.spec.problemCount)
      .map((r) => `#${r.index}: expected ${r.spec.problemCount}, got ${r.result.problems.length}`);
    expect(misses).toEqual([]);
  });

  it('finds the year each report was written for', () => {
    const misses = reports
      .filter((r) => r.result.year !== r.spec.year)
      .map((r) => `#${r.index}: ${r.result.year}`);
    expect(misses).toEqual([]);
  });

  it('keeps the planted noise out of everything extracted', () => {
    const noisy = reports.filter((r) =>
      NOISE.test(
        JSON.stringify([
          r.result.problems,
          r.result.causes,
          r.result.measures,
          r.result.lastYearRectification,
        ]),
      ),
    );
    expect(noisy.map((r) => r.index)).toEqual([]);
  });
});
