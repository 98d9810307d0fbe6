import { extractReport } from '@rectify/domain';
import { readDocx } from '@rectify/domain/report/decode/docx/read-docx';
import { AlignmentType, LevelFormat, Paragraph } from 'docx';
import { wordDocx } from './word-fixtures';

// A report as secretaries write it in Word: headings and items numbered by Word's automatic
// numbering (no 一、 or 1. typed in the text), each problem followed by an unnumbered paragraph
// of detail. Only the labels tell a problem from its detail.
const numbered = (text: string, reference: string, level = 0) =>
  new Paragraph({ text, numbering: { reference, level } });

const PROBLEMS: [string, string][] = [
  ['理论学习不够深入。', '有的党员满足于读原文、记笔记，学用结合不紧密，运用理论指导村级工作的能力不强。'],
  ['组织生活不够规范。', '"三会一课"记录不完整，主题党日活动形式单一，个别党员参加组织生活不经常。'],
  ['联系服务群众不够紧密。', '入户走访频次不够，对群众反映的道路维修问题回应不及时。'],
];
const MEASURES: [string, string][] = [
  ['加强理论学习。', '制定年度学习计划，每月开展一次集中学习，推动学用结合。'],
  ['规范组织生活。', '严格落实"三会一课"制度，丰富主题党日活动形式，做好会议记录。'],
  ['密切联系群众。', '建立党员联系户制度，每季度入户走访一次，及时回应群众诉求。'],
];

async function wordReport(): Promise<Buffer> {
  const items = (list: [string, string][], reference: string) =>
    list.flatMap(([title, detail]) => [numbered(title, reference), new Paragraph(detail)]);
  return wordDocx({
    numbering: [
      { reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }] },
      { reference: 'problems', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
      { reference: 'measures', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
    ],
    children: [
      new Paragraph({
        text: '青石村党支部2023年度书记抓基层党建工作述职报告',
        alignment: AlignmentType.CENTER,
      }),
      numbered('2023年工作开展情况', 'sections'),
      new Paragraph('今年以来，支部认真落实党建工作责任制，全年发展党员2名，开展主题党日12次。'),
      numbered('存在的问题', 'sections'),
      ...items(PROBLEMS, 'problems'),
      numbered('下一步工作打算', 'sections'),
      ...items(MEASURES, 'measures'),
    ],
  });
}

describe('extracting a report numbered by Word', () => {
  it("reads Word's labels in front of headings and items, as the reader of the document sees them", async () => {
    const lines = (await readDocx(await wordReport())).text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining(['二、存在的问题', '1. 理论学习不够深入。', '3. 密切联系群众。']),
    );
  });

  it('finds each numbered problem with its detail paragraph, and links each numbered measure to its problem', async () => {
    const result = await extractReport(await wordReport(), 'report.docx');
    expect(result.problems.map((p) => p.title.replace(/[。；]$/, ''))).toEqual([
      '理论学习不够深入',
      '组织生活不够规范',
      '联系服务群众不够紧密',
    ]);
    expect(result.problems[0].detail).toContain('学用结合不紧密');
    expect(result.measures).toHaveLength(3);
    expect(result.measures.map((m) => m.problemSeqs)).toEqual([[1], [2], [3]]);
  });
});
