import { type WorkingDayCalendar } from '../calendar/working-day-calendar';
import { ChineseWorkingDayCalendar } from '../calendar/working-day-calendar';
import { renderPlainText } from './document/render-markdown';
import { summaryDocument } from './document/summary-document';
import { LEDGER_COLUMNS, ledgerRows } from './ledger-rows';
import { ITEM_SOURCES } from '../lifecycle/item-source';
import { RECTIFICATION_STATUSES } from '../lifecycle/rectification-status';
import { summariseRectification } from './summarise-rectification';
import { trackedItem } from './tracked-items.fixtures';

const calendar: WorkingDayCalendar = new ChineseWorkingDayCalendar();
const AS_OF = '2024-10-08'; // the first working day after the 2024 National Day holiday

const ITEMS = [
  trackedItem({ id: 'a', seq: 1, title: '理论学习不够', status: 'completed', source: 'superior_review' }),
  trackedItem({ id: 'b', seq: 2, title: '阵地建设滞后', status: 'measures_set', deadline: '2024-09-30' }),
  trackedItem({ id: 'c', seq: 3, title: '党费收缴不及时', status: 'pending_review', deadline: '2024-10-10' }),
  trackedItem({ id: 'd', seq: 4, title: '档案不全', status: 'measures_set', deadline: '2024-12-31' }),
  trackedItem({
    id: 'e',
    seq: 1,
    title: '党员作用发挥不明显',
    status: 'long_term',
    organisationId: 'org-2',
    organisationName: '白沙社区党支部',
    source: 'public_appraisal',
    recurrence: [{ itemId: 'old', year: 2022, title: '党员先锋作用不突出', status: 'completed', score: 0.6 }],
  }),
  trackedItem({
    id: 'f',
    seq: 2,
    title: '组织生活不规范',
    organisationId: 'org-2',
    organisationName: '白沙社区党支部',
  }),
];

describe('summariseRectification', () => {
  const s = summariseRectification(ITEMS, {
    problemYear: 2023,
    asOf: AS_OF,
    organisationName: '青山镇党委',
    calendar,
  });

  it('counts by organisation, status, source and light, and the totals agree with them', () => {
    expect(s.totals).toEqual({
      items: 6,
      measures: 0,
      completed: 1,
      longTerm: 1,
      open: 4,
      overdue: 1,
      recurring: 1,
    });
    expect(s.completionRate).toBe(0.1667);
    expect(s.byStatus).toEqual({
      ...Object.fromEntries(RECTIFICATION_STATUSES.map((status) => [status, 0])), // every status, 0 when none
      identified: 1,
      measures_set: 2,
      pending_review: 1,
      completed: 1,
      long_term: 1,
    });
    expect(s.bySource).toEqual({
      ...Object.fromEntries(ITEM_SOURCES.map((source) => [source, 0])),
      self_inspection: 4,
      superior_review: 1,
      public_appraisal: 1,
      inspection_tour: 0,
    });
    expect(s.byLight).toEqual({ red: 1, yellow: 1, green: 1, no_deadline: 1, not_lit: 2 });
    expect(
      s.byOrganisation.map((o) => [o.organisationName, o.items, o.completed, o.longTerm, o.open, o.overdue]),
    ).toEqual([
      ['白沙社区党支部', 2, 0, 1, 1, 0],
      ['青山村第三党支部', 4, 1, 0, 3, 1],
    ]);
    const sum = (k: 'items' | 'completed' | 'open') => s.byOrganisation.reduce((n, o) => n + o[k], 0);
    expect([sum('items'), sum('completed'), sum('open')]).toEqual([
      s.totals.items,
      s.totals.completed,
      s.totals.open,
    ]);
  });

  it('lists overdue items with calendar and working days (the holiday does not count as work)', () => {
    expect(s.overdue).toEqual([
      expect.objectContaining({ itemId: 'b', deadline: '2024-09-30', daysOverdue: 8, workdaysOverdue: 1 }),
    ]);
  });

  it('writes the summary as a document with the overall sentence and the recurring problem', () => {
    const text = renderPlainText(summaryDocument(s));
    expect(text).toContain(
      '共查摆问题6个，制定整改措施0条；已整改完成1个，需长期坚持整改1个，尚未完成4个（其中超期1个）；整改完成率16.7%。反复出现的问题1个。',
    );
    expect(text).toContain('本年度问题：党员作用发挥不明显；以往相似问题：2022年度“党员先锋作用不突出”');
  });

  it('gives an organisation without problems no completion rate, shown as — in the document (as on the dashboard)', () => {
    const withEmpty = summariseRectification(ITEMS, {
      problemYear: 2023,
      asOf: AS_OF,
      organisationName: '青山镇党委',
      calendar,
      organisations: [{ id: 'org-3', name: '东岭村党支部' }],
    });
    const empty = withEmpty.byOrganisation.find((o) => o.organisationName === '东岭村党支部');
    expect(empty).toMatchObject({ items: 0, completionRate: null });
    const doc = summaryDocument(withEmpty);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.find((r) => r[0] === '东岭村党支部')).toEqual([
      '东岭村党支部',
      '0',
      '0',
      '0',
      '0',
      '0',
      '—',
    ]);
    const none = summariseRectification([], {
      problemYear: 2023,
      asOf: AS_OF,
      organisationName: '青山镇党委',
      calendar,
    });
    expect(renderPlainText(summaryDocument(none))).toContain('整改完成率—。');
  });
});

describe('ledgerRows', () => {
  it('fills the 13 columns, with the light and the recurrence remark', () => {
    const rows = ledgerRows(ITEMS, { asOf: AS_OF, calendar });
    expect(rows.every((r) => r.cells.length === LEDGER_COLUMNS.length)).toBe(true);
    const byId = Object.fromEntries(rows.map((r) => [r.itemId, r]));
    expect(byId.b.light).toBe('red');
    expect(byId.b.cells[9]).toBe('红灯');
    expect(byId.b.cells[11]).toBe('整改中\n已超期8天');
    expect(byId.c.cells[9]).toBe('黄灯');
    expect(byId.e.cells[7]).toBe('长期坚持');
    expect(byId.e.cells[12]).toBe('反复出现：与2022年度“党员先锋作用不突出”问题相似（已整改完成）');
    expect(byId.f.cells[7]).toBe('未定');
    expect(rows.map((r) => r.cells[0])).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});

describe('summariseRectification rolled up below the summarised organisation', () => {
  // 青山镇党委 (/town/) → 白沙社区党支部 (/town/org-2/) and 东岭村党总支 (/town/gen/) → 一支部 (/town/gen/org-1/).
  const organisations = [
    { id: 'town', name: '青山镇党委', path: '/town/' },
    { id: 'org-2', name: '白沙社区党支部', path: '/town/org-2/' },
    { id: 'gen', name: '东岭村党总支', path: '/town/gen/' },
    { id: 'org-1', name: '东岭村第一党支部', path: '/town/gen/org-1/' },
  ];
  const items = ITEMS.map((i) =>
    i.organisationId === 'org-2'
      ? i
      : { ...i, organisationId: 'org-1', organisationName: '东岭村第一党支部' },
  );
  const s = summariseRectification(items, {
    problemYear: 2023,
    asOf: AS_OF,
    organisationName: '青山镇党委',
    calendar,
    organisations,
    rollUp: { rootPath: '/town/', names: new Map(organisations.map((o) => [o.id, o.name])) },
  });

  it('has the own row first, then one row per direct child (by pinyin) counting everything below it', () => {
    expect(s.byOrganisation.map((o) => [o.organisationName, o.includesBelow, o.items])).toEqual([
      ['青山镇党委', false, 0],
      ['白沙社区党支部', true, 2],
      ['东岭村党总支', true, 4],
    ]);
    expect(s.totals.items).toBe(6);
  });

  it('marks the own row 本级 in the document and says what a child row counts', () => {
    const doc = summaryDocument(s);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r[0])).toEqual([
      '青山镇党委（本级）',
      '白沙社区党支部',
      '东岭村党总支',
    ]);
    expect(renderPlainText(doc)).toContain('下级党组织的数字含其所属党组织');
  });
});
