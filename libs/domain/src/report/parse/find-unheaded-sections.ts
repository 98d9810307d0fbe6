import { type Segment } from './segment-report';
import { type ReportLine } from './report-line';

/**
 * Reports without section headings still announce their problems and plans in a lead sentence:
 * 但也存在一些问题和不足：一是…；下一步，我将…. When no heading announced problems, this finds
 * such leads inside the remaining text and carves problem and measure segments out of it.
 */
const PROBLEM_INTRO =
  /(?:存在|还有|仍有|仍然存在|也存在|还存在|发现|查摆出)(?:着)?(?:的)?(?:一些|不少|以下|诸多|一定的|许多)?(?:问题|不足|差距|短板)(?:和|与|及)?(?:不足|差距|问题)?[^。:,]{0,12}[:,]/;
const MEASURE_INTRO =
  /^(?:下一步|下步|今后|下阶段|下一阶段|在新的一年里?|新的一年|明年|\d{4}年)[,，]?[^。]{0,20}(?:将|要|打算|计划|继续|着力|重点)/;

export function findUnheadedSections(segments: Segment[]): Segment[] {
  if (segments.some((s) => s.kind === 'problems')) return segments;
  const out: Segment[] = [];
  for (const seg of segments) {
    if (seg.kind !== 'performance' && seg.kind !== 'other') {
      out.push(seg);
      continue;
    }
    const start = seg.lines.findIndex((l) => PROBLEM_INTRO.test(l.key));
    if (start < 0) {
      out.push(seg);
      continue;
    }
    const introLine = seg.lines[start];
    const m = PROBLEM_INTRO.exec(introLine.key);
    const cut = m ? (m.index ?? 0) + m[0].length : 0;
    const remainder: ReportLine[] = cut < introLine.text.length ? [sliceLine(introLine, cut)] : [];
    let end = seg.lines.findIndex((l, i) => i > start && MEASURE_INTRO.test(l.key));
    if (end < 0) end = seg.lines.length;
    out.push({ ...seg, lines: seg.lines.slice(0, start) });
    out.push({ kind: 'problems', heading: null, lines: [...remainder, ...seg.lines.slice(start + 1, end)] });
    if (end < seg.lines.length) {
      const hasMeasures = segments.some((s) => s.kind === 'measures');
      out.push({ kind: hasMeasures ? 'other' : 'measures', heading: null, lines: seg.lines.slice(end) });
    }
  }
  return out.filter((s) => s.lines.length > 0);
}

function sliceLine(line: ReportLine, from: number): ReportLine {
  return { ...line, text: line.text.slice(from), key: line.key.slice(from), marker: null, boldLead: null };
}
