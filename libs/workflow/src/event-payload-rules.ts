import { dayProblem, isDayInWindow } from '@rectify/domain/calendar/date-window';
import { type RectificationEvent } from './rectification-events';
import { type RectificationContext } from './rectification-context';

/**
 * What an event must carry, and what the item must be like, for the event to make sense.
 * Each rule returns null when satisfied, else a Chinese sentence saying what to fix. The
 * machine's guards and the transition service's error messages share these rules.
 */

/** An existing YYYY-MM-DD day inside the product's date window (DATE_WINDOW, 1990–2100). */
export function isIsoDate(value: unknown): value is string {
  return isDayInWindow(value);
}

const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

export function measuresProblem(event: Extract<RectificationEvent, { type: 'SET_MEASURES' }>): string | null {
  if (!Array.isArray(event.measures) || event.measures.length === 0) return '请至少制定一条整改措施。';
  const index = event.measures.findIndex((m) => !filled(m?.title) || !filled(m?.responsible));
  if (index >= 0) return `第${index + 1}条整改措施缺少内容或责任人。`;
  for (const [i, m] of event.measures.entries()) {
    const problem = dayProblem(m.deadline, `第${i + 1}条整改措施的完成时限`);
    if (problem) return problem;
  }
  return null;
}

export function payloadProblem(event: RectificationEvent, context: RectificationContext): string | null {
  switch (event.type) {
    case 'SET_MEASURES':
      return measuresProblem(event);
    case 'SUBMIT_COMPLETION':
      return filled(event.evidence) ? null : '提交销号申请时请说明整改完成情况（整改佐证）。';
    case 'RETURN_FOR_REWORK':
      return filled(event.reason) ? null : '退回时请填写退回原因。';
    case 'APPROVE_LONG_TERM':
      if (
        !Number.isInteger(event.reviewIntervalDays) ||
        event.reviewIntervalDays < 1 ||
        event.reviewIntervalDays > 366
      ) {
        return '同意长期坚持整改时请设定定期报告间隔（1至366天）。';
      }
      return filled(event.reason) ? null : '同意长期坚持整改时请说明理由。';
    case 'RECORD_LONG_TERM_REVIEW':
      return filled(event.note) ? null : '请填写本期整改进展。';
    case 'REQUEST_EXTENSION':
      if (context.pendingExtension) return '已有一项延期申请等待审核，请等待上级党组织处理后再申请。';
      if (!isIsoDate(event.newDeadline)) return dayProblem(event.newDeadline, '新的完成时限');
      if (context.deadline && event.newDeadline <= context.deadline) {
        return `新的完成时限必须晚于当前时限 ${context.deadline}。`;
      }
      return filled(event.reason) ? null : '申请延期时请说明理由。';
    case 'APPROVE_EXTENSION':
      return context.pendingExtension ? null : '当前没有等待审核的延期申请。';
    case 'REJECT_EXTENSION':
      if (!context.pendingExtension) return '当前没有等待审核的延期申请。';
      return filled(event.reason) ? null : '不同意延期时请填写理由。';
    case 'REOPEN':
      return filled(event.reason) ? null : '重新整改时请填写原因。';
    case 'ADD_PROGRESS_NOTE':
      return filled(event.note) ? null : '请填写进展内容。';
    case 'APPROVE_COMPLETION':
      return null;
  }
}

/** Whether the item's own situation allows the event, whatever its payload. */
export function contextAllows(type: RectificationEvent['type'], context: RectificationContext): boolean {
  if (type === 'REQUEST_EXTENSION') return context.pendingExtension === null;
  if (type === 'APPROVE_EXTENSION' || type === 'REJECT_EXTENSION') return context.pendingExtension !== null;
  return true;
}
