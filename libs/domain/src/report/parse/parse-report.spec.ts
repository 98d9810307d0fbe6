import { parseReport } from './parse-report';

const titles = (text: string) => parseReport(text).problems.map((p) => p.title);
const measureTitles = (text: string) => parseReport(text).measures.map((m) => m.title);
const doc = (...lines: string[]) => lines.join('\n');

const PERFORMANCE =
  '一、主要工作\n（一）加强理论武装。全年组织集中学习12次。\n（二）坚持问题导向，推动整改落实。';

describe('parseReport: headings', () => {
  it.each([
    [
      '一、 with （一）items',
      doc(
        PERFORMANCE,
        '二、存在问题',
        '（一）理论学习不够深入。学用结合不紧。',
        '（二）组织生活不够规范。',
        '三、下步工作打算',
        '（一）加强学习。',
      ),
    ],
    [
      '1. items',
      doc(
        PERFORMANCE,
        '二、存在的问题和不足',
        '1.理论学习不够深入。学用结合不紧。',
        '2.组织生活不够规范。',
        '三、下一步工作措施',
        '1.加强学习。',
      ),
    ],
    [
      '1、 items',
      doc(
        PERFORMANCE,
        '二、问题和差距：',
        '1、理论学习不够深入。学用结合不紧。',
        '2、组织生活不够规范。',
        '三、整改措施',
        '1、加强学习。',
      ),
    ],
    [
      '(1) items',
      doc(
        PERFORMANCE,
        '二、不足之处',
        '(1)理论学习不够深入。学用结合不紧。',
        '(2)组织生活不够规范。',
        '三、今后努力方向',
        '(1)加强学习。',
      ),
    ],
    [
      '① items',
      doc(
        PERFORMANCE,
        '二、存在的不足及原因',
        '①理论学习不够深入。学用结合不紧。',
        '②组织生活不够规范。',
        '三、下步工作思路',
        '①加强学习。',
      ),
    ],
    [
      '第一， items',
      doc(
        PERFORMANCE,
        '二、存在问题',
        '第一，理论学习不够深入。学用结合不紧。',
        '第二，组织生活不够规范。',
        '三、下步打算',
        '第一，加强学习。',
      ),
    ],
    [
      'Markdown headings',
      doc(
        '# 2023年度述职报告',
        '## 一、主要工作',
        '略。',
        '## 二、存在问题',
        '1. **理论学习不够深入**具体表现在学用结合不紧。',
        '2. **组织生活不够规范**。',
        '## 三、下步打算',
        '- 加强学习。',
      ),
    ],
    [
      '2.1 numbering',
      doc(
        '1 主要工作',
        '1.1 加强学习。',
        '2 存在问题',
        '2.1 理论学习不够深入。学用结合不紧。',
        '2.2 组织生活不够规范。',
        '3 下步打算',
        '3.1 加强学习。',
      ),
    ],
    [
      'bare heading lines',
      doc(
        '今年以来，我们加强学习。',
        '存在的问题',
        '一是理论学习不够深入，学用结合不紧。二是组织生活不够规范。',
        '下一步工作打算',
        '加强学习。',
      ),
    ],
    [
      '第一部分 headings',
      doc(
        '第一部分 工作情况',
        '略。',
        '第二部分 存在问题',
        '（一）理论学习不够深入。学用结合不紧。',
        '（二）组织生活不够规范。',
        '第三部分 下步打算',
        '（一）加强学习。',
      ),
    ],
  ])('finds problems under %s', (_style, text) => {
    expect(titles(text)).toEqual(['理论学习不够深入', '组织生活不够规范']);
    expect(parseReport(text).measures.length).toBeGreaterThanOrEqual(1);
  });

  it('takes a numbered heading whose text starts with a year: 3、2024年工作打算', () => {
    const r = parseReport(
      doc(
        '1、主要工作',
        '略。',
        '2、存在问题',
        '（一）学习不够深入。',
        '3、2024年工作打算',
        '（一）加强学习。',
      ),
    );
    expect(r.sections.map((s) => s.kind)).toEqual(['performance', 'problems', 'measures']);
    expect(r.problems).toHaveLength(1);
  });

  it('takes a lone numbered problem with its detail paragraph as one problem', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '对照要求，还有差距：',
        '1、网格化治理精细化程度不高',
        '网格信息平台数据更新不及时。',
      ),
    );
    expect(r.problems).toEqual([
      { seq: 1, title: '网格化治理精细化程度不高', detail: '网格信息平台数据更新不及时。' },
    ]);
  });

  it('reads 存在问题的原因 as causes and 存在问题及原因 as problems', () => {
    const r = parseReport(
      doc('二、存在问题及原因', '一是学习不深。', '三、存在问题的原因', '一是认识不到位。二是标准不高。'),
    );
    expect(r.sections.map((s) => s.kind)).toEqual(['problems', 'causes']);
    expect(r.causes).toHaveLength(2);
  });

  it('keeps the outer heading style when numbered problems also mention 问题', () => {
    const r = parseReport(
      doc(
        '1、主要工作',
        '（一）加强学习。',
        '2、问题和差距',
        '（一）党员教育管理不够严格。',
        '（二）党员队伍老化问题突出。',
        '3、今后努力方向',
        '（一）加强学习。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['党员教育管理不够严格', '党员队伍老化问题突出']);
  });

  it('reads a heading followed by text on the same line', () => {
    expect(
      titles(doc('二、存在问题：一是理论学习不够深入。二是组织生活不够规范。', '三、下步打算：加强学习。')),
    ).toEqual(['理论学习不够深入', '组织生活不够规范']);
  });

  it('does not take a performance sub-heading that mentions 问题 for a problem section', () => {
    const r = parseReport(
      doc(PERFORMANCE, '（三）聚焦突出问题，开展专项整治。', '二、下步打算', '1.加强学习。'),
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings.join()).toContain('未找到"存在问题"部分');
  });

  it('lists the sections it recognised, with their kinds', () => {
    const r = parseReport(
      doc(
        '一、上年度整改情况',
        '针对“学习不深”问题，已整改完成。',
        PERFORMANCE.replace('一、', '二、'),
        '三、存在问题',
        '一是学习不够深入。',
        '四、原因分析',
        '一是认识不到位。',
        '五、下步打算',
        '一是加强学习。',
      ),
    );
    expect(r.sections.map((s) => s.kind)).toEqual([
      'last_year_rectification',
      'performance',
      'problems',
      'causes',
      'measures',
    ]);
    expect(r.sections[2].heading).toBe('三、存在问题');
  });
});

describe('parseReport: problems', () => {
  it('splits 一是…二是… inside one paragraph and skips the introduction', () => {
    expect(
      titles(
        doc(
          '二、存在问题',
          '对照要求，还存在一些不足：一是理论学习不充分，学用脱节。二是“一岗双责”履职不充分。三是领导保障不充分。',
        ),
      ),
    ).toEqual(['理论学习不充分', '“一岗双责”履职不充分', '领导保障不充分']);
  });

  it('splits 一方面…另一方面…此外… and takes the first clause of a long sentence as headline', () => {
    const text = doc(
      '三、存在不足',
      '成绩来之不易，但也存在不足，一方面，党员管理还存在盲区和漏洞，党建工作的责任还未层层传导、层层压实，对苗头性问题未及时指出。另一方面，支部共建作用发挥还不够，交流频次和深度还不足，活动形式不够多样。此外，阵地建设标准不高，部分活动室功能单一。',
    );
    expect(titles(text)).toEqual(['党员管理还存在盲区和漏洞', '支部共建作用发挥还不够', '阵地建设标准不高']);
  });

  it('cuts a headline only after a clause that states something', () => {
    expect(
      titles(
        doc(
          '二、存在问题',
          '一是在职党员“双报到”参与度不高，有的党员报到后不参加活动。',
          '二是在学习方面，系统性不强，存在碎片化现象。',
        ),
      ),
    ).toEqual(['在职党员“双报到”参与度不高', '在学习方面，系统性不强']);
  });

  it('finds 一方面…另一方面…此外… after a lead sentence in an unheaded report', () => {
    const r = parseReport(
      doc(
        '今年以来，社区党委扎实推进各项任务。',
        '但也存在一些不足：一方面，网格党建作用发挥不够充分；另一方面，在职党员参与度不高。此外，阵地利用率不高。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual([
      '网格党建作用发挥不够充分',
      '在职党员参与度不高',
      '阵地利用率不高',
    ]);
  });

  it('reads 问题一： labels and 1） numbering', () => {
    const r = parseReport(
      doc(
        '一、存在问题',
        '问题一：政治理论学习不够深入。满足于读文件。',
        '问题二：为民服务意识有所淡化。',
        '二、整改措施',
        '1）加强理论学习。',
        '2）深入基层调研。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['政治理论学习不够深入', '为民服务意识有所淡化']);
    expect(r.measures.map((m) => m.title)).toEqual(['加强理论学习', '深入基层调研']);
  });

  it('splits 一要…二要…三要… measures', () => {
    expect(
      measureTitles(doc('三、下步打算', '一要提高政治站位，二要强化责任担当，三要改进工作作风。')),
    ).toEqual(['提高政治站位', '强化责任担当', '改进工作作风']);
  });

  it('splits 首先…其次…最后…', () => {
    expect(
      titles(doc('二、存在的问题', '首先，学习不够深入。其次，制度执行不严。最后，作风不够扎实。')),
    ).toEqual(['学习不够深入', '制度执行不严', '作风不够扎实']);
  });

  it('keeps detail paragraphs under their headline', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '（一）理论学习不够深入',
        '平时忙于事务，学习不系统。',
        '（二）组织生活不够规范',
        '个别支部会议记录不全。',
      ),
    );
    expect(r.problems).toEqual([
      { seq: 1, title: '理论学习不够深入', detail: '平时忙于事务，学习不系统。' },
      { seq: 2, title: '组织生活不够规范', detail: '个别支部会议记录不全。' },
    ]);
  });

  it('takes numbered problems, not the grouping headings above them', () => {
    expect(
      titles(
        doc(
          '二、存在问题',
          '（一）思想建设方面',
          '1.理论学习不够深入。',
          '（二）组织建设方面',
          '2.组织生活不够规范。',
        ),
      ),
    ).toEqual(['理论学习不够深入', '组织生活不够规范']);
  });

  it('takes one problem per paragraph when nothing is numbered', () => {
    const r = parseReport(
      doc('存在的问题：', '理论学习不够深入，学用结合不紧。', '在组织生活方面，会议记录不全。'),
    );
    expect(r.problems.map((p) => [p.title, p.detail])).toEqual([
      ['理论学习不够深入', '学用结合不紧。'],
      ['在组织生活方面，会议记录不全', ''],
    ]);
  });

  it('does not count an admission sentence or a closing pledge as a problem', () => {
    expect(
      titles(
        doc(
          '二、存在问题',
          '对照上级要求，自身还存在一些差距。',
          '理论学习不够深入。',
          '组织生活不够规范。',
          '对于以上问题，我将认真加以整改。',
        ),
      ),
    ).toEqual(['理论学习不够深入', '组织生活不够规范']);
  });

  it('splits inline (1)(2) and ①② enumerations', () => {
    expect(titles(doc('二、存在问题', '主要有：(1)学习不够深入；(2)制度执行不严。'))).toEqual([
      '学习不够深入',
      '制度执行不严',
    ]);
    expect(titles(doc('二、存在问题', '主要有：①学习不够深入；②制度执行不严。'))).toEqual([
      '学习不够深入',
      '制度执行不严',
    ]);
  });

  it('finds problems announced by a lead sentence in a report without headings', () => {
    const r = parseReport(
      doc(
        '2023年，支部认真落实各项工作。',
        '但也存在一些问题和不足：一是学习不够深入。二是制度执行不严。',
        '下一步，我们将加强学习；严格执行制度。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['学习不够深入', '制度执行不严']);
    expect(r.measures.map((m) => m.title)).toEqual(['下一步，我们将加强学习', '严格执行制度']);
  });
});

describe('parseReport: causes', () => {
  it('reads causes from a paragraph mixed into the problem section, not as problems', () => {
    const r = parseReport(
      doc(
        '二、存在问题及原因',
        '1.学习不够深入。',
        '2.制度执行不严。',
        '分析存在上述问题的主要原因：一是思想认识不到位。二是统筹兼顾有欠缺。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['学习不够深入', '制度执行不严']);
    expect(r.causes.map((c) => c.text)).toEqual(
      ['思想认识不到位。', '统筹兼顾有欠缺'].map((t) => t.replace(/。$/, '')),
    );
  });

  it('reads 究其原因 with numbered causes that follow', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '一是学习不够深入。',
        '二是制度执行不严。',
        '究其原因，主要有以下几点：',
        '（一）思想认识不到位。',
        '（二）工作标准不高。',
      ),
    );
    expect(r.problems).toHaveLength(2);
    expect(r.causes.map((c) => c.text)).toEqual(['思想认识不到位', '工作标准不高']);
  });

  it('reads a cause section of its own', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '一是学习不够深入。',
        '三、原因分析',
        '一是思想认识不到位。二是工作标准不高。',
        '四、整改措施',
        '一是加强学习。',
      ),
    );
    expect(r.causes).toHaveLength(2);
    expect(r.problems).toHaveLength(1);
  });
});

describe('parseReport: measures', () => {
  it('takes one measure per numbered item even when an item lists clauses with ；', () => {
    expect(
      measureTitles(
        doc(
          '三、下步打算',
          '一是加强学习。组织集中学习；开展专题研讨。',
          '二是严格制度。落实“三会一课”；规范记录。',
        ),
      ),
    ).toEqual(['加强学习', '严格制度']);
  });

  it('takes one measure per ；-separated action in an unnumbered sentence, without its lead', () => {
    expect(
      measureTitles(
        doc(
          '三、下步打算',
          '下一步，我将重点做好以下工作：坚持每月集中学习；严格落实“三会一课”制度；加强党员日常管理。',
        ),
      ),
    ).toEqual(['坚持每月集中学习', '严格落实“三会一课”制度', '加强党员日常管理']);
  });

  it('skips an unnumbered introduction and a closing pledge around unnumbered measures', () => {
    expect(
      measureTitles(
        doc(
          '三、下步打算',
          '下一步，我将重点做好三个方面工作。',
          '坚持理论学习常态化，每月集中学习一次。',
          '严格落实组织生活制度，规范会议记录。',
          '在新的一年里，我将以更加饱满的热情，为全村发展作出新的更大贡献。',
        ),
      ),
    ).toEqual(['坚持理论学习常态化，每月集中学习一次', '严格落实组织生活制度，规范会议记录']);
  });

  it('skips introduction and closing lines', () => {
    expect(
      measureTitles(
        doc(
          '三、下步打算',
          '下一步，我将从以下几个方面抓好整改：',
          '1.加强学习。',
          '2.严格制度。',
          '总之，我将以更高标准做好工作。',
        ),
      ),
    ).toEqual(['加强学习', '严格制度']);
  });

  it('links a measure to the problem it names', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '一是理论学习不够深入。',
        '二是组织生活不够规范。',
        '三、整改措施',
        '一是严格组织生活，针对组织生活不够规范的问题，落实“三会一课”。',
        '二是持续加强理论学习。',
      ),
    );
    expect(r.measures.map((m) => m.problemSeqs)).toEqual([[2], [1]]);
  });

  it('splits a combined 存在的不足和下步打算 section at its parts', () => {
    const r = parseReport(
      doc(
        '三、存在的不足和下步打算',
        '（一）存在的不足',
        '一是学习不够深入。二是制度执行不严。',
        '（二）下步打算',
        '1.加强学习。',
        '2.严格制度。',
        '3.改进作风。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['学习不够深入', '制度执行不严']);
    expect(r.measures).toHaveLength(3);
  });
});

describe('parseReport: last year rectification', () => {
  it('reads one entry per 针对“…”问题 with its status', () => {
    const r = parseReport(
      doc(
        '一、上年度整改情况',
        '对照查摆的3个问题，制定整改措施6条，已整改完成1个，长期坚持整改1个。',
        '针对“学习不够深入”问题，建立学习制度，该问题已整改完成。',
        '针对“组织生活不规范”问题，完善制度，将长期坚持。',
        '针对“阵地建设滞后”问题，活动室正在改造，目前正在整改。',
        '针对“宣传不到位”问题，开设了宣传栏。',
        '二、存在问题',
        '一是作风不够扎实。',
      ),
    );
    expect(r.lastYearRectification.map((e) => [e.problem, e.status])).toEqual([
      ['学习不够深入', 'completed'],
      ['组织生活不规范', 'long_term'],
      ['阵地建设滞后', 'in_progress'],
      ['宣传不到位', 'unknown'],
    ]);
  });

  it.each([
    ['已销号', 'completed'],
    ['已完成', 'completed'],
    ['常抓不懈', 'long_term'],
    ['持续整改', 'long_term'],
    ['基本完成', 'in_progress'],
    ['整改中', 'in_progress'],
  ])('reads "%s" as %s', (wording, status) => {
    const r = parseReport(
      doc(
        '一、上年度问题整改落实情况',
        `1.学习不够深入。建立制度，${wording}。`,
        '二、存在问题',
        '一是作风不扎实。',
      ),
    );
    expect(r.lastYearRectification).toEqual([expect.objectContaining({ problem: '学习不够深入', status })]);
  });

  it('finds a 回头看 sub-section inside the account of work', () => {
    const r = parseReport(
      doc(
        '一、工作情况',
        '（一）加强学习。',
        '（二）巡视巡察整改“回头看”情况',
        '对照指出的2个问题，已整改完成1个。',
        '一是规范“三会一课”。已整改完成。',
        '二是加强档案管理，持续整改。',
        '二、存在问题',
        '一是作风不扎实。',
      ),
    );
    expect(r.lastYearRectification.map((e) => [e.problem, e.status])).toEqual([
      ['规范“三会一课”', 'completed'],
      ['加强档案管理', 'long_term'],
    ]);
    expect(r.problems).toHaveLength(1);
  });

  it('recognises a heading such as 2022年度述职评议问题整改情况', () => {
    const r = parseReport(
      doc(
        '一、2022年度述职评议问题整改情况',
        '针对“党员教育管理不严”问题，已整改完成。',
        '二、存在问题',
        '一是作风不扎实。',
      ),
    );
    expect(r.sections[0].kind).toBe('last_year_rectification');
    expect(r.lastYearRectification).toHaveLength(1);
  });
});

describe('parseReport: year and title', () => {
  it('reads the year from the title', () => {
    const r = parseReport(doc('某村党支部书记2023年度抓基层党建工作述职报告', '2024年，我们将继续努力。'));
    expect(r.year).toBe(2023);
    expect(r.title).toBe('某村党支部书记2023年度抓基层党建工作述职报告');
  });

  it('takes a Markdown level-1 heading as the title', () => {
    expect(parseReport('# XX医院党委2023年党建工作总结\n\n## 一、主要工作\n略。').title).toBe(
      'XX医院党委2023年党建工作总结',
    );
  });

  it('reads a year written in Chinese numerals', () => {
    expect(parseReport('二〇二三年度党支部工作总结\n正文。').year).toBe(2023);
  });

  it('reads the year from the opening text and ignores next year in the measures', () => {
    const r = parseReport(
      doc(
        '2024年，我支部坚持以学促干。',
        '二、存在问题',
        '一是学习不深。',
        '三、下步打算',
        '2025年，我们将加强学习；严格制度。',
      ),
    );
    expect(r.year).toBe(2024);
    expect(r.title).toBeNull();
  });

  it('reads the year the account of work mentions when the opening says 今年', () => {
    const r = parseReport(
      doc(
        '今年以来，支部扎实开展工作。',
        '一、主要工作',
        '制定了2023年工作要点，于2023年5月开展评议。',
        '二、下步打算',
        '2024年将继续。',
      ),
    );
    expect(r.year).toBe(2023);
  });

  it('says so when the year cannot be known', () => {
    const r = parseReport('支部工作总结\n今年以来，支部扎实开展工作。');
    expect(r.year).toBeNull();
    expect(r.warnings.join()).toContain('无法确定报告年度');
  });
});

describe('parseReport: noise and scripts', () => {
  it('keeps noise out of problems and measures', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '一是学习不##paidbegin##够深入。（某某网原创，www.example.cn）',
        '【某某素材库】每天更新材料1000多篇，添加客服获取',
        '二是制度执行不严。（材料来源：【公众号：某某君】）',
        '三、下步打算',
        '1.加强学习。（某某网',
      ),
    );
    const all = JSON.stringify([r.problems, r.measures]);
    expect(r.problems.map((p) => p.title)).toEqual(['学习不够深入', '制度执行不严']);
    expect(all).not.toMatch(/paid|www|素材库|公众号|某某网/);
  });

  it('reads Traditional Chinese and keeps its script in the output', () => {
    const r = parseReport(
      doc(
        '2023年度黨支部書記述職報告',
        '二、存在問題',
        '（一）理論學習不夠深入。學用結合不緊。',
        '（二）組織生活不夠規範。',
        '三、下一步工作打算',
        '1.加強學習。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['理論學習不夠深入', '組織生活不夠規範']);
    expect(r.measures).toHaveLength(1);
    expect(r.sections.map((s) => s.kind)).toEqual(['problems', 'measures']);
  });

  it('returns an empty result with a warning for a text with no problem section', () => {
    const r = parseReport('一、主要工作\n全年组织学习12次。');
    expect(r.problems).toEqual([]);
    expect(r.warnings[0]).toContain('报告中未找到"存在问题"部分');
  });
});
