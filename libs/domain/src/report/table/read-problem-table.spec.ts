import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, readProblemTable } from './read-problem-table';

const HEADER = [
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
];

function read(rows: string[][], sheet: string | null = '问题清单') {
  const reading = readProblemTable({ rows, sheet });
  if (!reading) throw new Error('expected a problem table');
  return reading;
}

describe('readProblemTable', () => {
  it('turns each row into a problem with its headline, measures, owners, deadline and status', () => {
    const { problems, warnings } = read([
      ['青石村党支部2024年问题整改清单', '', '', '', '', '', '', '', '', ''],
      HEADER,
      [
        '1',
        '巡察反馈',
        '理论学习不够深入，学习形式单一，学用结合不紧。',
        '1.制定年度学习计划，每月集中学习一次；2.开展专题研讨。',
        '张书记',
        '青石村党支部',
        '李委员',
        '2024年6月底',
        '已完成',
        '需留存学习记录',
      ],
    ]);
    expect(warnings).toEqual([]);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p.title).toBe('理论学习不够深入');
    expect(p.detail).toBe('学习形式单一，学用结合不紧。');
    expect(p.measures.map((m) => m.title)).toEqual(['制定年度学习计划，每月集中学习一次', '开展专题研讨']);
    expect(p.tracking).toEqual({
      source: '巡察反馈',
      responsibleLeader: '张书记',
      responsibleUnit: '青石村党支部',
      owner: '李委员',
      deadline: '2024-06-30',
      deadlineText: '2024年6月底',
      progress: 'completed',
      progressText: '已完成',
      extra: { 备注: '需留存学习记录' },
      row: 3,
      sheet: '问题清单',
    });
    expect(p.confidence).toBeGreaterThan(0.9);
  });

  it('returns null for a table without a problem-list header', () => {
    expect(
      readProblemTable({
        rows: [
          ['姓名', '职务'],
          ['张三', '书记'],
        ],
        sheet: null,
      }),
    ).toBeNull();
  });

  it('gives one measure per numbered item, circled number, 一是 clause or line of a measures cell', () => {
    const rows = [
      ['存在问题', '整改措施'],
      ['组织生活不规范', '①严格落实三会一课；②规范会议记录'],
      ['党员管理不严', '一是建立党员积分台账。二是开展谈心谈话。'],
      ['阵地利用率不高', '完善活动室功能\n定期开放党员活动室'],
    ];
    expect(read(rows).problems.map((p) => p.measures.map((m) => m.title))).toEqual([
      ['严格落实三会一课', '规范会议记录'],
      ['建立党员积分台账', '开展谈心谈话'],
      ['完善活动室功能', '定期开放党员活动室'],
    ]);
  });

  it('adds continuation rows and merged repeats to the problem above', () => {
    const { problems, warnings } = read([
      ['序号', '存在问题', '整改措施', '责任人', '完成时限'],
      ['1', '组织生活不规范', '严格落实三会一课', '王五', '2024年6月底'],
      ['', '', '规范会议记录', '赵六', '2024年9月底'],
      ['1', '组织生活不规范', '开展专项检查', '王五', '2024年9月底'],
      ['2', '党员教育管理不严', '建立积分台账', '孙七', '2024年12月'],
    ]);
    expect(warnings).toEqual([]);
    expect(problems.map((p) => p.title)).toEqual(['组织生活不规范', '党员教育管理不严']);
    expect(problems[0].measures.map((m) => m.title)).toEqual([
      '严格落实三会一课',
      '规范会议记录',
      '开展专项检查',
    ]);
    expect(problems[0].tracking).toMatchObject({ owner: '王五、赵六', deadline: '2024-09-30', row: 2 });
    expect(problems[1].tracking).toMatchObject({ deadline: '2024-12-31', row: 5 });
  });

  it('keeps columns it does not know by their header text and group rows as 分组', () => {
    const { problems } = read([
      ['序号', '问题类别', '问题描述', '整改措施', '整改目标'],
      ['一、思想建设方面', '一、思想建设方面', '一、思想建设方面', '一、思想建设方面', '一、思想建设方面'],
      ['1', '学习教育', '学习不深入', '制定计划', '全年学习不少于12次'],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0].tracking.extra).toEqual({
      分组: '一、思想建设方面',
      问题类别: '学习教育',
      整改目标: '全年学习不少于12次',
    });
  });

  it('keeps a deadline it cannot read as written and names its row in a warning', () => {
    const { problems, warnings } = read(
      [
        ['存在问题', '整改时限'],
        ['学习不深入', '6月底'],
        ['制度执行不严', '2024年2月30日'],
        ['作风不实', '立行立改'],
      ],
      '台账',
    );
    expect(problems.map((p) => [p.tracking.deadline, p.tracking.deadlineText])).toEqual([
      [null, '6月底'],
      [null, '2024年2月30日'],
      [null, '立行立改'],
    ]);
    expect(warnings).toEqual([
      '工作表"台账"第2行：整改时限"6月底"缺少年份，已保留原文，请导入后补填日期。',
      '工作表"台账"第3行：整改时限"2024年2月30日"不是有效日期，已保留原文，请导入后补填日期。',
    ]);
  });

  it('reports a row without a problem that cannot belong to the row above, and skips empty rows silently', () => {
    const { problems, warnings } = read(
      [
        ['序号', '存在问题', '整改措施'],
        ['', '', '先写的措施'],
        ['1', '学习不深入', '制定计划'],
        ['', '', ''],
        ['2', '', '开展检查'],
        ['注：本表由党支部填写', '', ''],
      ],
      null,
    );
    expect(problems.map((p) => p.title)).toEqual(['学习不深入']);
    expect(warnings).toEqual([
      '表格第2行：未填写问题，且上方没有可归属的问题，已跳过该行。',
      '表格第5行：序号"2"未填写问题，已跳过该行。',
      '表格第6行：说明文字"注：本表由党支部填写"不是问题，未导入。',
    ]);
  });

  it('reads progress words into statuses and keeps the text', () => {
    const { problems } = read([
      ['存在问题', '整改进展'],
      ['甲问题较多', '长期坚持'],
      ['乙问题较多', '正在整改'],
      ['丙问题较多', '见附件'],
    ]);
    expect(problems.map((p) => [p.tracking.progress, p.tracking.progressText])).toEqual([
      ['long_term', '长期坚持'],
      ['in_progress', '正在整改'],
      [null, '见附件'],
    ]);
  });

  it(`reads at most ${MAX_TABLE_ROWS} rows and ${MAX_TABLE_COLUMNS} columns and says so`, () => {
    const wide = [...Array.from({ length: MAX_TABLE_COLUMNS + 5 }, (_, i) => `列${i}`)];
    wide[0] = '存在问题';
    wide[1] = '责任人';
    const rows = [
      wide,
      ...Array.from({ length: MAX_TABLE_ROWS + 10 }, (_, i) => [`问题${i}存在不足`, '张三']),
    ];
    const { problems, warnings } = read(rows, 'S');
    expect(problems).toHaveLength(MAX_TABLE_ROWS - 1);
    expect(warnings).toEqual([
      `工作表"S"超过 ${MAX_TABLE_ROWS} 行：只读取了前 ${MAX_TABLE_ROWS} 行，其余请拆分成多个表后再导入。`,
      `工作表"S"超过 ${MAX_TABLE_COLUMNS} 列：第 ${MAX_TABLE_COLUMNS} 列以后的内容未读取。`,
    ]);
    expect(Object.keys(problems[0].tracking.extra)).not.toContain(`列${MAX_TABLE_COLUMNS}`);
  });
});
