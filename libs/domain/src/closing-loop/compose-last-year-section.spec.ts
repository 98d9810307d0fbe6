import { composeLastYearSection, problemName, summarySentence } from './compose-last-year-section';
import { renderMarkdown, renderPlainText } from './document/render-markdown';
import { sectionDocument } from './document/section-document';
import { trackedItem } from './tracked-items.fixtures';

const ITEMS = [
  trackedItem({
    id: 'a',
    seq: 1,
    title: '理论学习不够深入的问题',
    status: 'completed',
    measures: [
      { title: '制定学习计划；', responsible: '李明', deadline: '2024-03-31' },
      { title: '开展交流研讨。', responsible: '李明', deadline: '2024-05-31' },
    ],
    deadline: '2024-05-31',
    completionEvidence: '集中学习12次。',
    completedOn: '2024-06-03',
  }),
  trackedItem({
    id: 'b',
    seq: 2,
    title: '党员作用发挥不明显',
    status: 'long_term',
    measures: [{ title: '设立党员示范岗', responsible: '张华', deadline: '2024-06-30' }],
    deadline: '2024-06-30',
    latestProgress: { note: '目前已设立示范岗6个', on: '2024-09-01' },
  }),
  trackedItem({
    id: 'c',
    seq: 3,
    title: '阵地建设滞后',
    status: 'measures_set',
    measures: [{ title: '改造活动室', responsible: '李明', deadline: '2025-03-31' }],
    deadline: '2025-03-31',
  }),
  trackedItem({ id: 'd', seq: 4, title: '“三会一课”不规范', status: 'identified' }),
  trackedItem({
    id: 'e',
    seq: 5,
    title: '档案管理不规范',
    status: 'pending_review',
    measures: [{ title: '整理归档', responsible: '李明', deadline: '2024-10-31' }],
    deadline: '2024-10-31',
    latestProgress: { note: '已完成80%', on: '2024-10-20' },
  }),
];

describe('composeLastYearSection', () => {
  const section = composeLastYearSection(ITEMS, { reportYear: 2024, asOf: '2024-12-01' });

  it('writes the summary sentence and one paragraph an item, in the words readers expect', () => {
    expect(renderPlainText(sectionDocument(section))).toBe(
      [
        '上年度（2023年度）查摆问题整改情况',
        '对照查摆的5个问题，制定整改措施5条，已整改完成1个，需长期坚持整改1个，尚未完成3个。',
        '（一）针对“理论学习不够深入”问题，制定整改措施2条：一是制定学习计划；二是开展交流研讨。整改成效：集中学习12次。该问题已整改完成，于2024年6月3日审核销号。',
        '（二）针对“党员作用发挥不明显”问题，制定整改措施1条：设立党员示范岗。目前已设立示范岗6个。该问题需长期坚持整改，持续推进中。',
        '（三）针对“阵地建设滞后”问题，制定整改措施1条：改造活动室。该问题尚未完成，目前正在落实整改措施，计划于2025年3月31日前完成。',
        '（四）针对“‘三会一课’不规范”问题，尚未制定整改措施。该问题尚未完成，目前尚未制定整改措施，尚未明确完成时限。',
        '（五）针对“档案管理不规范”问题，制定整改措施1条：整理归档。该问题尚未完成，目前已提交销号申请，正在审核，已完成80%，原计划于2024年10月31日前完成，已超过整改时限。',
        '',
      ].join('\n'),
    );
    expect(renderMarkdown(sectionDocument(section))).toMatch(
      /^# 上年度（2023年度）查摆问题整改情况\n\n对照查摆的5个问题/,
    );
  });

  it('says the planned measures of an item not yet worked on are not assigned yet', () => {
    const planned = trackedItem({
      id: 'p',
      seq: 1,
      title: '宣传不到位',
      measures: [{ title: '开设宣传栏', responsible: null, deadline: null }],
    });
    expect(
      composeLastYearSection([planned], { reportYear: 2024, asOf: '2024-12-01' }).paragraphs[0].text,
    ).toBe(
      '（一）针对“宣传不到位”问题，制定整改措施1条：开设宣传栏。该问题尚未完成，目前整改措施尚未落实到责任人，尚未明确完成时限。',
    );
  });

  it('leaves no item out, and the same items in any order give the same text', () => {
    expect(section.paragraphs.map((p) => p.itemId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const shuffled = composeLastYearSection([ITEMS[3], ITEMS[0], ITEMS[4], ITEMS[2], ITEMS[1]], {
      reportYear: 2024,
      asOf: '2024-12-01',
    });
    expect(shuffled).toEqual(section);
  });

  it('orders two reports of one year by import, then by problem', () => {
    const later = trackedItem({
      id: 'z',
      seq: 1,
      title: '后导入的问题',
      reportImportedAt: '2024-02-01T00:00:00.000Z',
    });
    const ids = composeLastYearSection([later, ...ITEMS], {
      reportYear: 2024,
      asOf: '2024-12-01',
    }).paragraphs.map((p) => p.itemId);
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e', 'z']);
  });

  it('leaves out the zero parts of the summary sentence but always says how many are complete', () => {
    expect(summarySentence({ problems: 8, measures: 8, completed: 5, longTerm: 3, unfinished: 0 })).toBe(
      '对照查摆的8个问题，制定整改措施8条，已整改完成5个，需长期坚持整改3个。',
    );
    expect(summarySentence({ problems: 2, measures: 3, completed: 0, longTerm: 0, unfinished: 2 })).toBe(
      '对照查摆的2个问题，制定整改措施3条，已整改完成0个，尚未完成2个。',
    );
  });

  it('does not say 问题 twice', () => {
    expect(problemName('学习不够的问题。')).toBe('学习不够');
    expect(problemName('问题')).toBe('问题');
  });
});
