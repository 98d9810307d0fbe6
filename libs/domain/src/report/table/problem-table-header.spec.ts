import { classifyHeader, findProblemTableHeader } from './problem-table-header';

describe('findProblemTableHeader', () => {
  it('maps the columns of a full 整改台账 header to their kinds', () => {
    const header = findProblemTableHeader([
      [
        '序号',
        '问题来源',
        '存在问题',
        '整改措施',
        '责任领导',
        '责任单位',
        '责任人',
        '整改时限',
        '进度',
        '备注',
      ],
    ]);
    expect(header).toMatchObject({
      rowIndex: 0,
      dataStart: 1,
      columns: {
        seq: 0,
        source: 1,
        problem: 2,
        measure: 3,
        leader: 4,
        unit: 5,
        owner: 6,
        deadline: 7,
        progress: 8,
      },
      extra: [{ index: 9, header: '备注' }],
    });
  });

  it('finds the header under a title row, a merged title repeated in every cell and a date line', () => {
    const title = '青石村党支部2024年度问题整改清单';
    const header = findProblemTableHeader([
      [title, title, title, title],
      ['填报单位：青石村党支部', '', '', '填报时间：2024年3月'],
      ['编号', '问题描述', '具体措施', '完成时间'],
      ['1', '理论学习不深入', '制定学习计划', '2024年6月底'],
    ]);
    expect(header).toMatchObject({
      rowIndex: 2,
      dataStart: 3,
      columns: { seq: 0, problem: 1, measure: 2, deadline: 3 },
    });
  });

  it('reads header words with line breaks and spaces inside the cell', () => {
    const header = findProblemTableHeader([
      ['序 号', '具体\n问题', '整改\n时限', '责 任 人', '整改\r\n进展'],
    ]);
    expect(header?.columns).toEqual({ seq: 0, problem: 1, deadline: 2, owner: 3, progress: 4 });
  });

  it.each([
    [['问题表现', '责任部门'], { problem: 0, unit: 1 }],
    [['查摆的问题', '整改举措', '完成时限'], { problem: 0, measure: 1, deadline: 2 }],
    [['存在的主要问题', '分管领导', '整改状态'], { problem: 0, leader: 1, progress: 2 }],
    [['问题清单', '牵头单位', '完成情况'], { problem: 0, unit: 1, progress: 2 }],
    [['问题', '整改目标', '整改措施'], { problem: 0, measure: 2 }],
  ])('recognises the variant header %j', (cells, columns) => {
    expect(findProblemTableHeader([cells])?.columns).toEqual(columns);
  });

  it('does not take a table without a problem column, or with a problem column alone, as a problem list', () => {
    expect(findProblemTableHeader([['姓名', '职务', '联系电话']])).toBeNull();
    expect(findProblemTableHeader([['序号', '存在问题', '备注']])).toBeNull();
    expect(findProblemTableHeader([['序号', '整改措施', '责任人']])).toBeNull();
  });

  it('does not take a merged title that names several columns for a header', () => {
    const title = '问题整改进度表';
    expect(findProblemTableHeader([[title, title, title]])).toBeNull();
  });

  it('does not mistake a data row full of long sentences for a header', () => {
    expect(
      findProblemTableHeader([
        [
          '1',
          '党员学习教育问题突出，部分党员学习不够主动深入，存在应付现象',
          '责任人要加强督促检查落实到位情况',
          '2024年',
        ],
      ]),
    ).toBeNull();
  });

  it('keeps the header it found past the first dozen rows only when it is within them', () => {
    const filler = Array.from({ length: 12 }, () => ['说明']);
    expect(findProblemTableHeader([...filler, ['存在问题', '整改措施']])).toBeNull();
    expect(findProblemTableHeader([...filler.slice(1), ['存在问题', '整改措施']])?.rowIndex).toBe(11);
  });

  it('merges a second header row that splits 责任主体 into 责任领导 and 责任人', () => {
    const header = findProblemTableHeader([
      ['序号', '存在问题', '整改措施', '责任主体', '责任主体', '整改时限'],
      ['序号', '存在问题', '整改措施', '责任领导', '责任人', '整改时限'],
      ['1', '组织生活不规范', '严格三会一课', '王书记', '李委员', '2024年6月底'],
    ]);
    expect(header).toMatchObject({
      rowIndex: 1,
      dataStart: 2,
      columns: { seq: 0, problem: 1, measure: 2, leader: 3, owner: 4, deadline: 5 },
    });
  });

  it('classifies header words in an order where the more specific meaning wins', () => {
    expect(classifyHeader('问题来源')).toBe('source');
    expect(classifyHeader('问题类别')).toBe('other');
    expect(classifyHeader('整改措施落实情况')).toBe('progress');
    expect(classifyHeader('整改措施及完成时限')).toBe('measure');
    expect(classifyHeader('责任单位（部门）')).toBe('unit');
    expect(classifyHeader('')).toBeNull();
  });
});
