import { parseReport } from './parse-report';
import { doc, titles, measureTitles } from './parse-report.fixtures';

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
    expect(r.problems).toMatchObject([
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
    expect(r.measures.map((m) => m.title)).toEqual(['加强学习', '严格执行制度']);
  });
});
