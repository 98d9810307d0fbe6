import {
  ITEM_SOURCE_LABELS,
  type ItemSource,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
} from '../../lifecycle';
import { chineseDate, quoted } from '../chinese-text';
import { formatRate } from '../completion-rate';
import { problemName } from '../compose-last-year-section';
import { ITEM_LIGHT_LABELS, ITEM_LIGHTS } from '../item-light';
import { type RectificationSummary } from '../summarise-rectification';
import { type ClosingDocument, type DocumentBlock } from './closing-document';

/** A supervisor's summary (整改情况汇总) as a document: totals, then one table a breakdown. */
export function summaryDocument(s: RectificationSummary): ClosingDocument {
  const t = s.totals;
  const overall =
    `共查摆问题${t.items}个，制定整改措施${t.measures}条；已整改完成${t.completed}个，需长期坚持整改${t.longTerm}个，` +
    `尚未完成${t.open}个（其中超期${t.overdue}个）；整改完成率${formatRate(s.completionRate)}。` +
    (t.recurring > 0 ? `反复出现的问题${t.recurring}个。` : '未发现反复出现的问题。');
  // A summary over more than one level: its own row is 本级 and each child's counts its subtree.
  const rolledUp = s.byOrganisation.some((o) => o.includesBelow);
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `统计范围：${s.organisationName}及所属党组织；统计截至${chineseDate(s.asOf)}。`,
    },
    { kind: 'heading', level: 1, text: '一、总体情况' },
    { kind: 'paragraph', text: overall },
    { kind: 'heading', level: 1, text: '二、各党组织整改情况' },
    ...(rolledUp
      ? [
          {
            kind: 'paragraph' as const,
            text: '下级党组织的数字含其所属党组织；“本级”为本组织自身查摆的问题。',
          },
        ]
      : []),
    {
      kind: 'table',
      header: ['党组织', '问题数', '已整改完成', '长期坚持整改', '尚未完成', '超期', '完成率'],
      rows: s.byOrganisation.map((o) => [
        rolledUp && !o.includesBelow ? `${o.organisationName}（本级）` : o.organisationName,
        String(o.items),
        String(o.completed),
        String(o.longTerm),
        String(o.open),
        String(o.overdue),
        formatRate(o.completionRate),
      ]),
    },
    { kind: 'heading', level: 1, text: '三、按问题来源统计' },
    {
      kind: 'table',
      header: ['问题来源', '问题数'],
      rows: (Object.keys(s.bySource) as ItemSource[]).map((k) => [
        ITEM_SOURCE_LABELS[k],
        String(s.bySource[k]),
      ]),
    },
    { kind: 'heading', level: 1, text: '四、按整改进度统计' },
    {
      kind: 'table',
      header: ['进度状态', '问题数'],
      rows: RECTIFICATION_STATUSES.map((k) => [RECTIFICATION_STATUS_LABELS[k], String(s.byStatus[k])]),
    },
    { kind: 'heading', level: 1, text: '五、亮灯情况' },
    {
      kind: 'table',
      header: ['亮灯', '问题数'],
      rows: ITEM_LIGHTS.map((k) => [ITEM_LIGHT_LABELS[k], String(s.byLight[k])]),
    },
    { kind: 'heading', level: 1, text: '六、超期未完成事项' },
    s.overdue.length === 0
      ? { kind: 'paragraph', text: '无超期未完成事项。' }
      : {
          kind: 'table',
          header: ['序号', '党组织', '问题', '整改时限', '超期天数', '超期工作日', '进度状态'],
          rows: s.overdue.map((o, i) => [
            String(i + 1),
            o.organisationName,
            o.title,
            o.deadline,
            String(o.daysOverdue),
            String(o.workdaysOverdue),
            RECTIFICATION_STATUS_LABELS[o.status],
          ]),
        },
    { kind: 'heading', level: 1, text: '七、反复出现的问题' },
    s.recurring.length === 0
      ? { kind: 'paragraph', text: '未发现反复出现的问题。' }
      : {
          kind: 'table',
          header: ['序号', '党组织', '本年度问题', '以往相似问题', '原事项状态'],
          rows: s.recurring.map((r, i) => [
            String(i + 1),
            r.organisationName,
            r.title,
            r.earlier.map((e) => `${e.year ?? '往'}年度${quoted(problemName(e.title))}`).join('；'),
            r.earlier.map((e) => RECTIFICATION_STATUS_LABELS[e.status]).join('；'),
          ]),
        },
  ];
  return { title: `${s.organisationName}${s.problemYear}年度查摆问题整改情况汇总`, blocks };
}
