import { type Segment } from './segment-report';
import { type ReportLine } from './report-line';

/**
 * Reports without section headings still announce their problems and plans in a lead sentence:
 * 但也存在一些问题和不足：一是…；下一步，我将…. When no heading announced problems, this finds
 * such leads inside the remaining text and carves problem and measure segments out of it.
 */
const COUNT = '(?:\\d+|[一二三四五六七八九十两]+)(?:个方面|个|类|项|条|点|大|方面)?(?:的)?';
const PROBLEM_INTRO = new RegExp(
  [
    // 存在的3类主要问题： / 还存在一些问题和不足：/ 查摆出以下问题：
    `(?:存在|还有|仍有|仍然存在|也存在|还存在|发现|查摆出|查找出|反馈了?|指出了?)(?:着)?(?:的)?(?:${COUNT})?(?:一些|不少|以下|诸多|一定的|许多)?(?:的)?(?:主要|突出|具体)?(?:问题|不足|差距|短板)(?:和|与|及)?(?:不足|差距|问题)?[^。:,]{0,12}[:,]`,
    // 主要问题是： / 存在的不足是： / 不足之处在于：
    `(?:主要|存在的?|突出)(?:问题|不足|差距|短板)(?:主要)?(?:是|有|为|在于|表现在)?:`,
    `不足之处(?:主要)?(?:是|有|在于)?:`,
  ].join('|'),
);
// 下一步，我将… / 针对以上问题，整改措施如下： / 支部书记提出：一是…
const MEASURE_INTRO = new RegExp(
  [
    `^(?:下一步|下步|今后|下阶段|下一阶段|在新的一年里?|新的一年|明年|\\d{4}年)[,，]?[^。]{0,20}(?:将|要|打算|计划|继续|着力|重点)`,
    `^针对(?:以上|上述|这些|存在的|查摆的?|查找的?|反馈的?)(?:问题|不足|差距)`,
    `^[^。]{0,20}(?:整改措施|改进措施|措施)(?:主要)?(?:如下|有|是|为):`,
  ].join('|'),
);
/** A lead-in to measures inside running text: 整改措施有：A；B；C / 提出：一是… */
const MEASURE_LEAD_IN =
  /(?:整改措施|改进措施|整改举措)(?:主要)?(?:如下|有|是|为)?:|(?:针对(?:以上|上述|这些)(?:问题|不足)[^。:]{0,20})?提出(?:了)?(?:以下|如下)?(?:整改措施|措施|要求)?:/;

export function findUnheadedSections(segments: Segment[]): Segment[] {
  const withProblems = segments.some((s) => s.kind === 'problems') ? segments : carveProblems(segments);
  const out = withProblems.some((s) => s.kind === 'measures')
    ? withProblems
    : carveMeasureLeadIn(withProblems);
  return out.filter((s) => s.lines.length > 0);
}

const isRunningText = (seg: Segment) => seg.kind === 'performance' || seg.kind === 'other';

function carveProblems(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  const hasMeasures = segments.some((s) => s.kind === 'measures');
  for (const seg of segments) {
    const start = isRunningText(seg) ? seg.lines.findIndex((l) => PROBLEM_INTRO.test(l.key)) : -1;
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
    // 存在的问题有：A；B；C。整改措施有：X；Y；Z。 — both on one line.
    const sameLine = remainder[0] && MEASURE_LEAD_IN.exec(remainder[0].key);
    if (sameLine && sameLine.index > 0 && !hasMeasures) {
      const line = remainder[0];
      out.push({
        kind: 'problems',
        heading: null,
        leadIn: true,
        lines: [sliceLine(line, 0, sameLine.index)],
      });
      out.push({
        kind: 'measures',
        heading: null,
        leadIn: true,
        lines: [sliceLine(line, sameLine.index + sameLine[0].length)],
      });
      out.push({ ...seg, heading: null, lines: seg.lines.slice(start + 1) });
      continue;
    }
    out.push({
      kind: 'problems',
      heading: null,
      leadIn: true,
      lines: [...remainder, ...seg.lines.slice(start + 1, end)],
    });
    if (end < seg.lines.length) {
      out.push({
        kind: hasMeasures ? 'other' : 'measures',
        heading: null,
        leadIn: true,
        lines: seg.lines.slice(end),
      });
    }
  }
  return out;
}

/** 整改措施有：A；B；C in running text, when no heading announced measures. */
function carveMeasureLeadIn(segments: Segment[]): Segment[] {
  const at = segments.findIndex((s) => isRunningText(s) && s.lines.some((l) => MEASURE_LEAD_IN.test(l.key)));
  if (at < 0) return segments;
  const seg = segments[at];
  const i = seg.lines.findIndex((l) => MEASURE_LEAD_IN.test(l.key));
  const line = seg.lines[i];
  const m = MEASURE_LEAD_IN.exec(line.key);
  if (!m) return segments;
  const from = m.index + m[0].length;
  const rest = line.key.slice(from).trim();
  // The lead-in ends its line: the measures follow on the next lines; else they are on this one.
  const measureLines = rest ? [sliceLine(line, from)] : seg.lines.slice(i + 1);
  const after = rest ? seg.lines.slice(i + 1) : [];
  const before = [...seg.lines.slice(0, i), ...(m.index > 0 ? [sliceLine(line, 0, m.index)] : [])];
  return [
    ...segments.slice(0, at),
    { ...seg, lines: before },
    { kind: 'measures', heading: null, leadIn: true, lines: measureLines },
    { ...seg, heading: null, lines: after },
    ...segments.slice(at + 1),
  ];
}

function sliceLine(line: ReportLine, from: number, to = line.text.length): ReportLine {
  return {
    ...line,
    text: line.text.slice(from, to).trim(),
    key: line.key.slice(from, to).trim(),
    marker: null,
    boldLead: null,
  };
}
