import { DATE_WINDOW, DateOutsideWindowError } from '@rectify/domain';

/** Longest error text kept on a row: enough for a stack-less message, never a flood. */
const MAX_ERROR_LENGTH = 500;

/**
 * Why a reminder could not be scheduled, recorded or sent for one row, as a Chinese sentence for
 * the ledger and the health figures, with the technical reason in parentheses.
 */
export function describeReminderError(err: unknown): string {
  if (err instanceof DateOutsideWindowError) {
    return `整改时限 ${err.date} 超出允许范围（${DATE_WINDOW.first} 至 ${DATE_WINDOW.last}），无法安排提醒：请修改该事项的完成时限。`;
  }
  const reason = err instanceof Error ? err.message : String(err);
  return `处理提醒时出错：${reason.slice(0, MAX_ERROR_LENGTH)}`;
}
