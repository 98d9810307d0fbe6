import { type ReportLine } from './report-line';

/**
 * The first line is the title when it reads like one: short, no sentence inside, and it names
 * a report (报告, 总结, 述职 …) or stands alone before the body.
 */
const TITLE_WORDS = /报告|总结|述职|汇报|情况|材料|发言|讲话|工作|打算|方案|清单|台账|通报|提纲|剖析/;

export function detectTitle(lines: ReportLine[]): ReportLine | null {
  const first = lines[0];
  // A Markdown document's title is its level-1 heading.
  if (!first || (first.marker && !(first.marker.style === 'md1' && first.marker.length === 0))) return null;
  const key = first.key;
  if (key.length > 60 || key.length < 4) return null;
  if (/[。!?;]/.test(key.slice(0, -1)) || /[。,]$/.test(key)) return null;
  return TITLE_WORDS.test(key) ? first : null;
}
