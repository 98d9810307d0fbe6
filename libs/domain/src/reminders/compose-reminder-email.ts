import { type TrafficLight } from './reminder-plan';

/**
 * The Chinese reminder email: one per recipient per day (a digest) listing their items, each
 * with title, organisation, deadline, days overdue, light colour and a link. Plain text and
 * HTML carry the same content.
 */
export interface ReminderLine {
  itemTitle: string;
  organisationName: string;
  deadline: string;
  /** Working days past the deadline; 0 when not overdue. */
  overdueWorkdays: number;
  light: TrafficLight;
  url: string;
  /** The deadline lies past the holiday data: the day count is an estimate. */
  approximate?: boolean;
  /** Titles of the item's measures whose 责任人 is the recipient (none: absent or empty). */
  responsibleFor?: string[];
}

export interface ReminderEmail {
  subject: string;
  text: string;
  html: string;
}

const LIGHT: Record<TrafficLight, { label: string; colour: string }> = {
  green: { label: '绿灯（定期复查）', colour: '#2e7d32' },
  yellow: { label: '黄灯（临近时限）', colour: '#f9a825' },
  red: { label: '红灯（已逾期）', colour: '#c62828' },
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function status(line: ReminderLine): string {
  const base =
    line.light === 'green'
      ? `长期坚持整改，定期复查日 ${line.deadline}，请报告整改进展`
      : line.overdueWorkdays > 0
        ? `已逾期 ${line.overdueWorkdays} 个工作日`
        : `整改时限 ${line.deadline}`;
  return line.approximate ? `${base}（节假日安排尚未公布，按周一至周五估算）` : base;
}

/** 您是以下整改措施的责任人：…, or '' when the recipient is responsible for none of them. */
function responsibility(line: ReminderLine): string {
  const titles = line.responsibleFor ?? [];
  return titles.length === 0 ? '' : `您是以下整改措施的责任人：${titles.map((t) => `「${t}」`).join('、')}`;
}

export function composeReminderEmail(recipientName: string, lines: ReminderLine[]): ReminderEmail {
  if (lines.length === 0) throw new RangeError('a reminder email needs at least one item');
  const red = lines.filter((l) => l.light === 'red').length;
  const review = lines.filter((l) => l.light === 'green').length;
  const yellow = lines.length - red - review;
  const parts = [
    red > 0 ? `${red} 项整改事项已逾期` : '',
    yellow > 0 ? `${yellow} 项${red > 0 ? '' : '整改事项'}临近${red > 0 ? '时限' : '完成时限'}` : '',
    review > 0 ? `${review} 项长期整改事项需报告进展` : '',
  ].filter(Boolean);
  const subject = `【${red > 0 ? '整改督办' : '整改提醒'}】${parts.join('，')}`;
  const sorted = [...lines].sort(
    (a, b) => b.overdueWorkdays - a.overdueWorkdays || a.deadline.localeCompare(b.deadline),
  );
  const text = [
    `${recipientName}，您好：`,
    '',
    `以下 ${lines.length} 项整改事项需要您关注：`,
    '',
    ...sorted.map(
      (l, i) =>
        `${i + 1}. [${LIGHT[l.light].label}] ${l.itemTitle}\n   责任组织：${l.organisationName}；完成时限：${l.deadline}；${status(l)}` +
        (responsibility(l) ? `\n   ${responsibility(l)}` : '') +
        `\n   查看：${l.url}`,
    ),
    '',
    '请及时推进整改、上传佐证并提交销号申请。本邮件由整改闭环跟踪系统自动发送，请勿直接回复。',
  ].join('\n');
  const rows = sorted
    .map(
      (l) =>
        `<tr><td style="color:${LIGHT[l.light].colour};font-weight:bold">●&nbsp;${LIGHT[l.light].label}</td>` +
        `<td><a href="${escapeHtml(l.url)}">${escapeHtml(l.itemTitle)}</a>` +
        (responsibility(l) ? `<br><small>${escapeHtml(responsibility(l))}</small>` : '') +
        `</td>` +
        `<td>${escapeHtml(l.organisationName)}</td><td>${escapeHtml(l.deadline)}</td><td>${escapeHtml(status(l))}</td></tr>`,
    )
    .join('');
  const html =
    `<p>${escapeHtml(recipientName)}，您好：</p><p>以下 ${lines.length} 项整改事项需要您关注：</p>` +
    `<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse">` +
    `<thead><tr><th>状态</th><th>整改事项</th><th>责任组织</th><th>完成时限</th><th>进度</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>` +
    `<p>请及时推进整改、上传佐证并提交销号申请。</p><p style="color:#888">本邮件由整改闭环跟踪系统自动发送，请勿直接回复。</p>`;
  return { subject, text, html };
}
