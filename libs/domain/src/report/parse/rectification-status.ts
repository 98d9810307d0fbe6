import { type RectificationProgress } from '../extraction-result';

/**
 * Reads how far last year's rectification got from its wording. Explicit completion wins over
 * "will keep at it" phrases only when it says the item itself is done (已整改完成, 已销号);
 * 基本完成 is still in progress.
 */
const COMPLETED_STRONG =
  /已整改完成|已完成整改|整改已完成|已整改到位|已全部整改|已全面整改|已销号|已办结|整改完毕/;
const LONG_TERM = /长期坚持|持续整改|常抓不懈|长期整改|长期推进|久久为功|持续推进整改|需长期/;
const IN_PROGRESS = /正在整改|整改中|基本完成|正在推进|仍在整改|尚未完成|未完成|逐步整改|初见成效|推进中/;
const COMPLETED_WEAK = /已完成|完成整改|整改完成|已解决|已落实到位|已整改/;

export function readRectificationStatus(key: string): RectificationProgress {
  if (COMPLETED_STRONG.test(key)) return 'completed';
  if (LONG_TERM.test(key)) return 'long_term';
  if (IN_PROGRESS.test(key)) return 'in_progress';
  if (COMPLETED_WEAK.test(key)) return 'completed';
  return 'unknown';
}
