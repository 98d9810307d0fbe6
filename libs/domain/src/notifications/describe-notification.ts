import { type NotificationKind } from './notification-kind';

/** What a notification is about, as stored with it (a snapshot: later edits do not rewrite it). */
export interface NotificationFacts {
  kind: NotificationKind;
  itemTitle: string;
  organisationName: string;
  /** Who caused it (display name); absent for the deadline tiers. */
  actorName?: string | null;
  /** The event's own words: a reason, an opinion, a note, the evidence (may be empty). */
  text?: string | null;
  /** The requested new deadline (申请延期) or the deadline in force (tiers), ISO date. */
  deadline?: string | null;
}

/** One line of text for any channel: `headline` (≤ about 40 characters) and the detail. */
export interface NotificationText {
  headline: string;
  detail: string;
}

// Longest quotation of a reason or note kept in a notification (characters): the item's page
// has the whole of it, the notification only has to say what happened.
const QUOTE_MAX = 120;

const quote = (s: string | null | undefined) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX)}…` : t;
};

const HEADLINES: Record<NotificationKind, string> = {
  submitted: '提交了销号申请，请审核',
  returned: '被退回整改',
  signed_off: '已审核销号',
  long_term: '同意长期坚持整改',
  reopened: '要求重新整改',
  extension_requested: '申请延期，请审核',
  extension_approved: '延期申请已同意',
  extension_refused: '延期申请未同意',
  item_created: '上级新建了整改事项',
  supervision_comment: '上级提出督办意见',
  approaching: '临近整改时限（黄灯）',
  due: '今日到期（黄灯）',
  overdue: '已逾期（红灯）',
  escalated: '逾期升级督办（红灯）',
  review: '请报告长期整改进展',
};

/**
 * The Chinese words of a notification, the same on every channel: `headline` names the
 * organisation, the item and what happened; `detail` who did it and in their words (原因、意见).
 */
export function describeNotification(facts: NotificationFacts): NotificationText {
  const { kind } = facts;
  const headline = `${facts.organisationName}「${facts.itemTitle}」${HEADLINES[kind]}`;
  const who = facts.actorName ?? '';
  const words = quote(facts.text);
  const detail = (() => {
    switch (kind) {
      case 'returned':
      case 'reopened':
      case 'extension_refused':
        return words ? `${who}${who ? ' ' : ''}原因：${words}` : `${who}未填写原因`;
      case 'extension_requested':
        return `${who}${who ? ' ' : ''}申请延期至 ${facts.deadline ?? '—'}${words ? `，理由：${words}` : ''}`;
      case 'signed_off':
      case 'extension_approved':
        return `${who}${who ? ' ' : ''}意见：${words || '同意'}`;
      case 'approaching':
      case 'due':
      case 'overdue':
      case 'escalated':
        return `整改时限 ${facts.deadline ?? '—'}`;
      case 'review':
        return '请报告本期整改进展';
      default:
        return who && words ? `${who}：${words}` : who || words;
    }
  })();
  return { headline, detail };
}
