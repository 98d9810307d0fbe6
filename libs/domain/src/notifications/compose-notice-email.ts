import { type ReminderEmail } from '../reminders/compose-reminder-email';

/** One notification as an email lists it. */
export interface NoticeLine {
  headline: string;
  detail: string;
  url: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * The Chinese email of event notifications (事项动态): one per recipient per batch, listing each
 * notification's headline, detail and link, oldest first. Plain text and HTML carry the same
 * content. Throws RangeError for no lines.
 */
export function composeNoticeEmail(recipientName: string, lines: NoticeLine[]): ReminderEmail {
  if (lines.length === 0) throw new RangeError('a notice email needs at least one line');
  const subject =
    lines.length === 1 ? `【整改动态】${lines[0].headline}` : `【整改动态】${lines.length} 条整改事项动态`;
  const text = [
    `${recipientName}，您好：`,
    '',
    ...lines.map((l, i) => `${i + 1}. ${l.headline}\n   ${l.detail}\n   查看：${l.url}`),
    '',
    '您可以在系统的「通知设置」中选择邮件即时发送、每日汇总或不发邮件。本邮件由整改闭环跟踪系统自动发送，请勿直接回复。',
  ].join('\n');
  const html =
    `<p>${escapeHtml(recipientName)}，您好：</p><ol>` +
    lines
      .map(
        (l) =>
          `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.headline)}</a><br>${escapeHtml(l.detail)}</li>`,
      )
      .join('') +
    `</ol><p style="color:#888">您可以在系统的「通知设置」中选择邮件即时发送、每日汇总或不发邮件。本邮件由整改闭环跟踪系统自动发送，请勿直接回复。</p>`;
  return { subject, text, html };
}
