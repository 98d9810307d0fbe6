import { type RectificationProgress } from '../extraction-result';

/**
 * Reads how far last year's rectification got from its wording. Explicit completion wins over
 * "will keep at it" phrases only when it says the item itself is done (已整改完成, 已销号);
 * 基本完成 is still in progress.
 */
const COMPLETED_STRONG =
  /已整改完成|已完成整改|整改已完成|已整改到位|已全部整改|已全面整改|已销号|已办结|整改完毕/;
const LONG_TERM = /长期坚持|持续整改|常抓不懈|长期整改|长期推进|久久为功|持续推进整改|需长期/;
const IN_PROGRESS =
  /正在持续推进|持续推进中|正在整改|整改中|基本完成|正在推进|仍在整改|尚未完成|未完成|逐步整改|初见成效|推进中/;
const COMPLETED_WEAK = /已完成|完成整改|整改完成|已解决|已落实到位|已整改/;

// 整改状态：完成 / 完成情况：阶段性完成 / 进展：持续推进 — a field written for the purpose decides.
const STATUS_FIELD = /(?:整改)?(?:状态|进度|进展|完成情况|整改情况)\s*[:]\s*([^\s,;。:]{1,8})/;
const FIELD_VALUES: [RegExp, RectificationProgress][] = [
  [/^(?:阶段性|基本|部分|初步)(?:完成|整改)|^未完成|^尚未|^正在|^推进中|^整改中|^进行中/, 'in_progress'],
  [/^(?:长期坚持|持续|常态|长期)/, 'long_term'],
  [/^(?:已?完成|已?整改完成|已整改|已销号|已办结|办结|销号)/, 'completed'],
];

/** The status a 整改状态： (or 进度： / 完成情况：) field states, else null. */
export function readStatusField(key: string): RectificationProgress | null {
  const field = STATUS_FIELD.exec(key);
  if (!field) return null;
  return FIELD_VALUES.find(([re]) => re.test(field[1]))?.[1] ?? null;
}

export function readRectificationStatus(key: string): RectificationProgress {
  const fromField = readStatusField(key);
  if (fromField) return fromField;
  if (COMPLETED_STRONG.test(key)) return 'completed';
  if (LONG_TERM.test(key)) return 'long_term';
  if (IN_PROGRESS.test(key)) return 'in_progress';
  if (COMPLETED_WEAK.test(key)) return 'completed';
  return 'unknown';
}
