import { type RectificationProgress, type SectionKind } from '../extraction-result';
import { SHORTFALL } from './confidence';

/**
 * Recognises what a heading announces by its meaning, not one exact string: 存在问题,
 * 存在的不足及原因, 问题和差距, 不足之处 … all announce problems. Runs on matching keys
 * (Simplified, ASCII punctuation).
 *
 * `loose` is for the outermost headings of a report (二、存在问题及原因); `strict` is for
 * headings nested inside another section, where a clause such as （三）坚持问题导向 must not
 * be mistaken for a problem section, so the heading must be little more than the keyword.
 */
export interface HeadingClass {
  kind: SectionKind;
  /** The heading announces problems and measures together (存在的不足和下步打算). */
  combined: boolean;
  /** A group of last year's problems by how far they got (已完成整改的问题 / 正在整改的问题). */
  progress?: RectificationProgress;
}

// 一、已完成整改的问题 / 二、正在整改的问题 / 三、需长期坚持整改的问题 (2个)
const STATUS_GROUP =
  /^(已经?|基本|正在|仍在|尚未|未|需要?长期坚持|长期坚持|需要?持续|持续)(?:完成)?(?:整改|推进)(?:完成|到位)?(?:的)?(?:问题|事项)(?:\(?[0-9一二三四五六七八九十]+(?:个|项|条)\)?)?$/;

function statusGroup(text: string): HeadingClass | null {
  const m = STATUS_GROUP.exec(text);
  if (!m) return null;
  const word = m[1];
  const progress: RectificationProgress = /^已/.test(word)
    ? 'completed'
    : /长期|持续/.test(word)
      ? 'long_term'
      : 'in_progress';
  return { kind: 'last_year_rectification', combined: false, progress };
}

const LAST_YEAR =
  /(?:上一?(?:年度?|次|轮)|去年|以往|前期|往年|\d{4}年度?|[二〇一二三四五六七八九零]{4}年度?).{0,16}整改|回头看|整改(?:工作)?(?:落实|完成|推进|进展)?情况/;
const MEASURE_NOT_LAST_YEAR = /整改(?:措施|方向|思路|举措|计划|方案|目标)/;
const PROBLEM_WORD = /问题|不足|差距|短板|弱项|薄弱|欠缺|缺点|教训|需要改进|有待改进|改进的地方/;
const PROBLEM_LOOSE =
  /存在|主要|突出|查摆|检视|剖析|面临|困难|之处|方面|发现|对照|查找|反思|清单|改进|问题(?:和|与|及|、)|(?:和|与|及|、)(?:问题|不足|差距)|(?:不足|差距|问题)(?:和|与|及|、)|短板|弱项|薄弱|^(?:问题|不足|差距)$/;
const CAUSE = /原因|根源/;
// …的原因 / 问题原因剖析 announce causes; 问题及原因 announces problems with their causes.
const CAUSE_OF_PROBLEMS = /(?<![及和与、])(?:主要|深层次|根本)?(?:原因|根源)(?:分析|剖析)?$|^(?:原因|根源)/;
const MEASURE =
  /下一?步|工作设想|整改要求|(?:整改|改进|工作|意见)建议|改进措施|改进举措|努力目标|工作目标|下阶段|下一阶段|今后|明年|来年|新的一年|\d{4}年(?:工作)?(?:打算|计划|思路|重点)|打算|措施|举措|努力方向|改进方向|工作思路|工作计划|工作安排|工作重点|整改方向|整改思路/;
const PERFORMANCE =
  /做法|成效|成绩|履职|情况|亮点|特色|工作开展|主要工作|工作回顾|基本情况|取得|落实|推进|加强|坚持|强化|深化|开展|抓|建设|责任/;

export function classifyHeading(clause: string, strictness: 'loose' | 'strict'): HeadingClass | null {
  // 【存在问题】 and “存在问题” are headings too: brackets and quotes around them do not matter.
  const text = clause.replace(/[\s:;,.。]+$/, '').replace(/^[【〖[“"]+|[】〗\]”"]+$/g, '');
  if (!text || text.length > 40) return null;
  return statusGroup(text) ?? (strictness === 'loose' ? classifyLoose(text) : classifyStrict(text));
}

// （一）在“党组领导作用发挥不足”方面: an aspect named by the shortfall it groups.
const QUOTED_ASPECT = /^(?:在|关于)?[“"](.{2,40})[”"](?:方面|问题)(?:的问题)?$/;

function classifyLoose(text: string): HeadingClass | null {
  const aspect = QUOTED_ASPECT.exec(text);
  if (aspect && SHORTFALL.test(aspect[1])) return { kind: 'problems', combined: false };
  const hasProblem = PROBLEM_WORD.test(text) && PROBLEM_LOOSE.test(text);
  const hasMeasure = MEASURE.test(text);
  if (LAST_YEAR.test(text) && !MEASURE_NOT_LAST_YEAR.test(text))
    return { kind: 'last_year_rectification', combined: false };
  // 存在问题的原因 announces causes; 存在问题及原因 announces problems (with their causes).
  if (CAUSE_OF_PROBLEMS.test(text)) return { kind: 'causes', combined: false };
  if (hasProblem && hasMeasure && !/^(?:针对|围绕)/.test(text)) return { kind: 'problems', combined: true };
  if (hasProblem) return { kind: 'problems', combined: false };
  if (CAUSE.test(text)) return { kind: 'causes', combined: false };
  if (hasMeasure) return { kind: 'measures', combined: false };
  if (PERFORMANCE.test(text)) return { kind: 'performance', combined: false };
  return null;
}

const STRICT_PROBLEMS =
  /^(?:需要|有待)?改进的地方$|^(?:具体|主要)?表现(?:为|在)?$|^(?:具体|主要)问题(?:表现)?$|^问题表现$|^(?:(?:存在|主要|突出|查摆|检视|发现|面临)的?(?:主要|突出)?(?:的)?)?(?:问题|不足|差距|短板|弱项|困难)(?:(?:和|与|及|、)(?:问题|不足|差距|短板|弱项|困难|原因|原因分析))?(?:之处|方面|清单)?$/;
const STRICT_CAUSES =
  /^(?:(?:存在|产生|出现|形成)?(?:上述|以上|这些)?(?:问题|不足|差距)?(?:产生|存在|出现|形成)?的?(?:主要|深层次|根本)?(?:原因|根源)(?:分析|剖析)?|原因分析|根源剖析|问题根源)$/;
const STRICT_MEASURES =
  /^(?:(?:下一?步|下阶段|下一阶段|今后|明年|新的一年)(?:的)?(?:工作)?(?:打算|计划|措施|思路|举措|方向|努力方向|安排|重点)?|(?:整改|改进)(?:措施|方向|举措|思路|要求|建议|意见)|努力方向|努力目标|(?:工作)?(?:打算|措施)(?:和|与|及)?(?:打算|措施|建议)?)$/;

function classifyStrict(text: string): HeadingClass | null {
  // 开展“回头看”，督促整改问题17个 is a sentence about work done: nested headings have no comma.
  if (text.length > 30 || text.includes(',')) return null;
  if (
    LAST_YEAR.test(text) &&
    !MEASURE_NOT_LAST_YEAR.test(text) &&
    !/^(?:推动|推进|抓好|强化|狠抓)/.test(text)
  ) {
    return { kind: 'last_year_rectification', combined: false };
  }
  if (STRICT_PROBLEMS.test(text)) return { kind: 'problems', combined: false };
  if (STRICT_CAUSES.test(text)) return { kind: 'causes', combined: false };
  if (STRICT_MEASURES.test(text)) return { kind: 'measures', combined: false };
  return null;
}

/** Strong kinds are the ones the parser extracts from; a heading of another kind only ends them. */
export function isStrongKind(kind: SectionKind): boolean {
  return (
    kind === 'problems' || kind === 'measures' || kind === 'causes' || kind === 'last_year_rectification'
  );
}
