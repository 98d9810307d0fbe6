import { parseReport } from './parse-report';
import { doc, measureTitles } from './parse-report.fixtures';

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

  it('counts （一） measures, not the numbered steps inside them', () => {
    expect(
      measureTitles(
        doc(
          '三、下步打算',
          '（一）加强思想建设',
          '1.每月集中学习。',
          '2.开展专题研讨。',
          '（二）加强组织建设',
          '1.规范组织生活。',
        ),
      ),
    ).toEqual(['加强思想建设', '加强组织建设']);
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
