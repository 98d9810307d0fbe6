import { parseReport } from './parse-report';
import { doc, titles } from './parse-report.fixtures';

// Layouts seen in real public texts, each in a fixture written for this project.

describe('parseReport: problems written as one sentence after a lead-in', () => {
  it('splits clauses separated by ； after 存在的问题：如…, dropping the closing remark', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '回顾一年的工作，也存在一些问题：如“三会一课”记录不够规范；党员积分管理落实不到位；志愿服务活动形式单一，吸引力不强。对这些问题，支部将认真研究解决。',
        '三、下一步打算',
        '1.每季度检查一次会议记录。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual([
      '“三会一课”记录不够规范',
      '党员积分管理落实不到位',
      '志愿服务活动形式单一',
    ]);
    expect(r.problems.every((p) => p.basis === 'separated_clauses')).toBe(true);
    expect(JSON.stringify(r.problems)).not.toContain('认真研究解决');
  });

  it('splits short sentences separated by 。 after a lead-in', () => {
    expect(
      titles(doc('二、主要不足', '主要不足表现在：学习教育不够经常。党员发展偏慢。阵地建设投入偏少。')),
    ).toEqual(['学习教育不够经常', '党员发展偏慢', '阵地建设投入偏少']);
  });

  it('keeps a headline: detail；detail paragraph as one problem', () => {
    expect(titles(doc('二、存在问题', '理论学习不够深入：有的党员学习浮于表面；学用结合不够紧密。'))).toEqual(
      ['理论学习不够深入'],
    );
  });
});

describe('parseReport: causes nested inside the problems section', () => {
  it('keeps the problems above a （二）存在问题的原因 sub-heading and reads what follows as causes', () => {
    const r = parseReport(
      doc(
        '二、存在的不足',
        '（一）具体表现',
        '一是党员教育培训针对性不强，内容与岗位需求脱节。',
        '二是基层党组织书记队伍年龄偏大，后备力量不足。',
        '（二）不足形成的原因',
        '一是对新形势下党员教育研究不够。',
        '二是选人视野不够开阔。',
        '三、下步措施',
        '1.分类开展党员培训。',
        '2.建立书记后备人才库。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['党员教育培训针对性不强', '基层党组织书记队伍年龄偏大']);
    expect(r.causes.map((c) => c.text)).toEqual(['对新形势下党员教育研究不够', '选人视野不够开阔']);
    expect(r.measures).toHaveLength(2);
  });
});

describe('parseReport: a whole report on one line', () => {
  it('reads a report whose title, lead-ins and numbered items are separated only by spaces', () => {
    const r = parseReport(
      '某社区第二党支部组织生活会整改情况报告 经党员大会讨论，支部查摆出以下问题： 1、主题党日内容不够丰富，形式较为单一； 2、在职党员报到后参与社区活动少。 针对上述问题，整改措施如下： 1、每月主题党日提前一周征集党员意见； 2、建立在职党员服务积分制度。 某社区第二党支部 2024年1月5日',
    );
    expect(r.title).toBe('某社区第二党支部组织生活会整改情况报告');
    expect(r.problems.map((p) => p.title)).toEqual(['主题党日内容不够丰富', '在职党员报到后参与社区活动少']);
    expect(r.measures).toHaveLength(2);
    expect(r.kind).toBe('work_report');
  });

  it('leaves an ordinary paragraph with a stray space alone', () => {
    const r = parseReport(
      doc('二、存在问题', '1、学习不够系统 有时以会代学，学习笔记不全。', '2、活动阵地利用率不高。'),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['学习不够系统 有时以会代学', '活动阵地利用率不高']);
  });
});

describe('parseReport: item marker variants', () => {
  it.each([
    ['half-width comma', ['1,党费收缴不及时。', '2,党员档案管理不规范。']],
    ['full-width comma', ['1，党费收缴不及时。', '2，党员档案管理不规范。']],
    ['digit full stop characters', ['⒈党费收缴不及时。', '⒉党员档案管理不规范。']],
    ['mixed 、 and ,', ['1、党费收缴不及时。', '2,党员档案管理不规范。']],
  ])('reads items numbered with a %s', (_name, items) => {
    expect(titles(doc('二、存在问题', ...items))).toEqual(['党费收缴不及时', '党员档案管理不规范']);
  });

  it('does not take 2,000 or 3,5 for item markers', () => {
    expect(titles(doc('二、存在问题', '1、经费使用不规范，', '2,000元支出没有票据。'))).toEqual([
      '经费使用不规范',
    ]);
  });
});

describe('parseReport: measures headings and plans in closing paragraphs', () => {
  it.each(['整改要求', '努力方向', '改进措施', '整改建议', '2025年工作思路'])(
    'reads a %s heading as the measures section',
    (heading) => {
      const r = parseReport(
        doc('一、存在问题', '1.党小组活动不经常。', `二、${heading}`, '1.党小组每月至少活动一次。'),
      );
      expect(r.measures.map((m) => m.title)).toEqual(['党小组每月至少活动一次']);
    },
  );

  it('takes the plan from a closing paragraph of a problems-and-goals section that does not start with 下一步', () => {
    const r = parseReport(
      doc(
        '三、存在的不足和努力方向',
        '1.联系服务群众的渠道不够多。',
        '2.党员志愿服务缺少长效机制。',
        '群众满意是我们工作的标尺。在今后的工作中，支部将开通线上议事平台；同时建立志愿服务积分兑换制度。',
      ),
    );
    expect(r.problems).toHaveLength(2);
    expect(r.measures.map((m) => m.title)).toEqual(['开通线上议事平台', '同时建立志愿服务积分兑换制度']);
    expect(JSON.stringify(r)).not.toContain('标尺。在今后');
  });

  it('reads 下一步，followed by imperative sentences at the end of a problems section as measures', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '一是党员学习主动性不够。二是组织生活质量不高。',
        '下一步，要加强学习督促，每月通报学习情况。要规范组织生活，会前广泛征求意见。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['党员学习主动性不够', '组织生活质量不高']);
    expect(r.measures.map((m) => m.title)).toEqual([
      '加强学习督促，每月通报学习情况',
      '规范组织生活，会前广泛征求意见',
    ]);
  });
});

describe('parseReport: lead-ins inside running text', () => {
  it('finds problems after 存在的不足是： and measures after 整改措施有：A；B', () => {
    const r = parseReport(
      doc(
        '某机关党支部召开专题组织生活会',
        '会上，支部书记代表支委会作检视剖析。支部存在的不足是：一是学习研讨质量不高；二是联系基层不够经常。',
        '针对上述问题，支委会研究确定的整改措施有：每月确定一个研讨专题；支委每季度到基层调研一次。',
        '会议还开展了民主评议党员。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['学习研讨质量不高', '联系基层不够经常']);
    expect(r.problems.every((p) => p.basis === 'lead_in_sentence')).toBe(true);
    expect(r.measures.map((m) => m.title)).toEqual(['每月确定一个研讨专题', '支委每季度到基层调研一次']);
  });

  it('finds a counted lead-in 反馈了2个方面的问题：', () => {
    expect(
      titles(
        doc(
          '某村党支部2024年度工作情况',
          '今年镇党委督查组反馈了2个方面的问题：一是村务公开不够及时；二是集体资产台账不完整。',
        ),
      ),
    ).toEqual(['村务公开不够及时', '集体资产台账不完整']);
  });

  it('takes measures from 整改措施有： in a summary before headed problems, and problems only from the heading', () => {
    const r = parseReport(
      doc(
        '问：支部工作存在哪些短板？答：主要短板有：台账不全；活动不多。整改措施有：专人管理台账；每月开展一次活动。',
        '一、存在的问题',
        '1.台账不全。会议记录缺页。',
        '2.活动不多。全年只开展两次。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['台账不全', '活动不多']);
    expect(r.measures.map((m) => m.title)).toEqual(['专人管理台账', '每月开展一次活动']);
  });
});

describe('parseReport: headlines as people write them', () => {
  it('ends a headline written without a comma at 滞后 / 薄弱, not at the sentence end', () => {
    expect(
      titles(
        doc(
          '二、存在问题',
          '一是村级后备干部培养滞后多数后备人选年龄偏大。',
          '二是集体经济基础薄弱收入主要靠租金。',
        ),
      ),
    ).toEqual(['村级后备干部培养滞后', '集体经济基础薄弱']);
  });

  it('keeps pinyin annotations and a site name in brackets out of titles', () => {
    const r = parseReport(
      doc('二、存在问题', '1.關(guān)心困难党员不够（某某公文网），走访偏少。', '2.黨(dǎng)員教育方式单一。'),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['關心困难党员不够', '黨員教育方式单一']);
  });

  it('drops paywall teaser lines of material sites', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '一是党员教育方式单一。',
        '仅展示520字，全文共3186字',
        '开通会员后可阅读全文',
        '【点此注册】成为会员',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['党员教育方式单一']);
    expect(JSON.stringify(r.problems)).not.toMatch(/展示|会员|注册/);
  });
});
