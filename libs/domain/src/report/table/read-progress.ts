import { normalizeForMatching } from '../../text/normalize-for-matching';
import { type RectificationProgress } from '../extraction-result';
import { readRectificationStatus } from '../parse/rectification-status';

// Short ledger words the report wording (rectification-status.ts) does not cover.
const IN_PROGRESS = /部分完成|未完成|未整改|尚未|持续推进|推进中|进行中|整改中|正在|未销号|^否$/;
const LONG_TERM = /长期|常态化|持续整改/;
const COMPLETED = /^(?:已?完成|已?整改|已?办结|已?销号|完结|是|[√✓✔])$/;
const PERCENT = /^(\d{1,3}(?:\.\d+)?)\s*%$/;

/**
 * Reads a 进度 / 完成情况 / 整改状态 cell: 已完成/已整改/完成/已销号 → completed;
 * 长期坚持/持续整改/常态化 → long_term; 正在整改/推进中/持续推进/未完成/部分完成 →
 * in_progress; 100% → completed, a smaller percentage → in_progress; anything else (or an
 * empty cell) → null, and the caller keeps the text as written.
 */
export function readProgress(cell: string): RectificationProgress | null {
  const key = normalizeForMatching(cell).replace(/\s+/g, '');
  if (!key) return null;
  const percent = PERCENT.exec(key);
  if (percent) return Number(percent[1]) >= 100 ? 'completed' : 'in_progress';
  const status = readRectificationStatus(key);
  if (status === 'completed' || status === 'long_term') return status;
  if (IN_PROGRESS.test(key)) return 'in_progress';
  if (status === 'in_progress') return status;
  if (LONG_TERM.test(key)) return 'long_term';
  if (COMPLETED.test(key)) return 'completed';
  return null;
}
