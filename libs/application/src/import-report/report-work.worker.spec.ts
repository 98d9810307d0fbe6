import { readReport, scoreRecurrence } from './report-work.worker';

const text = (s: string) => new TextEncoder().encode(s);
const REPORT = [
  '2023年度甲村党支部述职报告',
  '二、存在问题',
  '1.理论学习不够深入\u0001。',
  '2.组织生活不够规范。',
  '3.党费收缴不够及时。',
  '三、下步打算',
  '1.针对理论学习不够深入的问题，制定学习计划。',
  '2.针对组织生活不够规范的问题，严格落实三会一课。',
  '3.针对党费收缴不够及时的问题，按月收缴。',
].join('\n');
const limits = { maxProblems: 100, maxMeasureLinks: 100 };

describe('readReport (worker thread)', () => {
  it('cleans what XML forbids for an import and leaves a preview’s text as read', async () => {
    const imported = await readReport({ bytes: text(REPORT), fileName: 'r.txt', clean: true, ...limits });
    const previewed = await readReport({ bytes: text(REPORT), fileName: 'r.txt', clean: false, ...limits });
    expect(imported).toMatchObject({ kind: 'read', format: 'text' });
    expect(previewed).toMatchObject({ kind: 'read', format: 'text' });
    if (imported.kind !== 'read' || previewed.kind !== 'read') return;
    expect(imported.extraction.problems.map((p) => p.title)).toEqual([
      '理论学习不够深入',
      '组织生活不够规范',
      '党费收缴不够及时',
    ]);
    expect(imported.text).not.toContain('\u0001');
    expect(previewed.text).toContain('\u0001');
  });

  it('refuses more problems than allowed, saying how many, without handing the extraction back', async () => {
    const outcome = await readReport({
      bytes: text(REPORT),
      fileName: 'r.txt',
      clean: true,
      ...limits,
      maxProblems: 2,
    });
    expect(outcome).toEqual({ kind: 'too_many', what: 'problems', count: 3 });
  });

  it('refuses more measures than allowed, counting a measure once per problem it answers', async () => {
    const outcome = await readReport({
      bytes: text(REPORT),
      fileName: 'r.txt',
      clean: true,
      ...limits,
      maxMeasureLinks: 2,
    });
    expect(outcome).toEqual({ kind: 'too_many', what: 'measures', count: 3 });
  });

  it('returns a read error as a value that keeps its code', async () => {
    const outcome = await readReport({ bytes: new Uint8Array(), fileName: 'r.txt', clean: true, ...limits });
    expect(outcome).toMatchObject({ kind: 'unreadable', code: 'FILE_EMPTY' });
  });
});

describe('scoreRecurrence (worker thread)', () => {
  it('links the problems to the earlier items they repeat and the later items to the problems', () => {
    const outcome = scoreRecurrence({
      problems: [{ itemId: 'new-1', seq: 1, title: '理论学习不够深入系统' }],
      year: 2023,
      earlier: [
        { itemId: 'old-1', year: 2022, title: '理论学习的深度和系统性仍有欠缺', status: 'completed' },
      ],
      later: [{ itemId: 'later-1', seq: 4, title: '理论学习还不够深入' }],
    });
    expect(outcome.recurring.map((r) => [r.itemId, r.earlier.map((e) => e.itemId)])).toEqual([
      ['new-1', ['old-1']],
    ]);
    expect(outcome.repeatedLater.map((r) => [r.itemId, r.earlier.map((e) => e.itemId)])).toEqual([
      ['later-1', ['new-1']],
    ]);
  });
});
