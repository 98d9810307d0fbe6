import { LevelFormat, LevelSuffix, Paragraph } from 'docx';
import {
  numberedP,
  numberingXml,
  raw,
  stylesXml,
  wordDocx,
} from '../../../../../../test/extraction/word-fixtures';
import { readDocx } from './read-docx';

const lines = async (docx: Buffer) => (await readDocx(docx)).text.split('\n').filter((l) => l !== '');

const REPORT_LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
  { level: 3, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4' },
];

const item = (text: string, level: number, reference = 'report') =>
  new Paragraph({ text, numbering: { reference, level } });

describe('readDocx: Word automatic numbering', () => {
  it('writes the labels Word shows in front of numbered paragraphs, deeper levels restarting when a higher level advances', async () => {
    const docx = await wordDocx({
      numbering: [{ reference: 'report', levels: REPORT_LEVELS }],
      children: [
        item('存在的问题', 0),
        item('理论学习方面', 1),
        item('学习不够深入', 2),
        new Paragraph('有的党员学习只停留在读原文、记笔记上。'),
        item('学用结合不紧密', 2),
        item('个别党员以干代学', 3),
        item('组织生活方面', 1),
        item('三会一课不够规范', 2),
        item('下一步工作打算', 0),
        item('加强理论武装', 1),
      ],
    });
    expect(await lines(docx)).toEqual([
      '一、存在的问题',
      '（一）理论学习方面',
      '1. 学习不够深入',
      '有的党员学习只停留在读原文、记笔记上。',
      '2. 学用结合不紧密',
      '① 个别党员以干代学',
      '（二）组织生活方面',
      '1. 三会一课不够规范',
      '二、下一步工作打算',
      '（一）加强理论武装',
    ]);
  });

  it('writes every number format reports use, from its start value and lvlText', async () => {
    const list = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, start: number) => ({
      reference: format,
      levels: [{ level: 0, format, text, start }],
    });
    const formats = [
      list(LevelFormat.CHINESE_COUNTING, '%1、', 10),
      list(LevelFormat.CHINESE_COUNTING_THOUSAND, '第%1条', 99),
      list(LevelFormat.IDEOGRAPH_TRADITIONAL, '%1.', 1),
      list(LevelFormat.JAPANESE_COUNTING, '（%1）', 10),
      list(LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%1', 20),
      list(LevelFormat.DECIMAL_ENCLOSED_PARENTHESES, '%1', 1),
      list(LevelFormat.DECIMAL_FULL_WIDTH, '%1．', 9),
      list(LevelFormat.UPPER_LETTER, '%1.', 26),
      list(LevelFormat.LOWER_ROMAN, '(%1)', 4),
    ];
    const docx = await wordDocx({
      numbering: formats,
      children: formats.flatMap((f) => [item('甲', 0, f.reference), item('乙', 0, f.reference)]),
    });
    expect(await lines(docx)).toEqual([
      ...['十、甲', '十一、乙'],
      ...['第九十九条 甲', '第一百条 乙'],
      ...['甲. 甲', '乙. 乙'],
      ...['（十）甲', '（十一）乙'],
      ...['⑳ 甲', '㉑ 乙'],
      ...['⑴ 甲', '⑵ 乙'],
      ...['９．甲', '１０．乙'],
      ...['Z. 甲', 'AA. 乙'],
      ...['(iv) 甲', '(v) 乙'],
    ]);
  });

  it('writes multi-level labels (%1.%2), legal numbering in decimal, bullets as "•" and no space when the suffix is nothing', async () => {
    const docx = await wordDocx({
      numbering: [
        {
          reference: 'chapters',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1章', suffix: LevelSuffix.SPACE },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', isLegalNumberingStyle: true },
            {
              level: 2,
              format: LevelFormat.DECIMAL,
              text: '%1.%2.%3',
              suffix: LevelSuffix.NOTHING,
              isLegalNumberingStyle: true,
            },
            // Without legal numbering each counter keeps its own level's format, as in Word.
            { level: 3, format: LevelFormat.DECIMAL, text: '%1.%4' },
          ],
        },
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\uf0b7' }] },
      ],
      children: [
        item('总体情况', 0, 'chapters'),
        item('主要做法', 1, 'chapters'),
        item('细则', 2, 'chapters'),
        item('附注', 3, 'chapters'),
        item('成效', 1, 'chapters'),
        item('存在问题', 0, 'chapters'),
        item('问题清单', 1, 'chapters'),
        item('要点一', 0, 'bullets'),
        item('要点二', 0, 'bullets'),
      ],
    });
    expect(await lines(docx)).toEqual([
      '第一章 总体情况',
      '1.1 主要做法',
      '1.1.1细则',
      '一.1 附注',
      '1.2 成效',
      '第二章 存在问题',
      '2.1 问题清单',
      '• 要点一',
      '• 要点二',
    ]);
  });

  it('continues one list across w:num instances of one abstract list, and restarts it where an instance overrides the start', async () => {
    const docx = await wordDocx({
      children: [raw('list')],
      rawBlocks: {
        list: [
          numberedP('第一项', 1),
          numberedP('第二项', 1),
          numberedP('另一个 numId，同一列表', 2),
          numberedP('重新编号', 3),
          numberedP('接着编号', 3),
          numberedP('回到第一个 numId', 1),
        ].join(''),
      },
      rawParts: {
        'word/numbering.xml': numberingXml(
          { 7: [{ numFmt: 'chineseCounting', lvlText: '%1、' }] },
          { 1: { abstract: 7 }, 2: { abstract: 7 }, 3: { abstract: 7, startOverride: { 0: 1 } } },
        ),
      },
    });
    expect(await lines(docx)).toEqual([
      '一、第一项',
      '二、第二项',
      '三、另一个 numId，同一列表',
      '一、重新编号',
      '二、接着编号',
      '三、回到第一个 numId',
    ]);
  });

  it('honours w:lvlRestart: 0 never restarts a level, 1 restarts it only when the first level advances', async () => {
    const docx = await wordDocx({
      children: [raw('list')],
      rawBlocks: {
        list: [
          numberedP('甲', 1, 0),
          numberedP('甲一', 1, 1),
          numberedP('甲一a', 1, 2),
          numberedP('甲二', 1, 1),
          numberedP('甲二a', 1, 2),
          numberedP('乙', 1, 0),
          numberedP('乙一', 1, 1),
          numberedP('乙一a', 1, 2),
        ].join(''),
      },
      rawParts: {
        'word/numbering.xml': numberingXml(
          {
            3: [
              { numFmt: 'chineseCounting', lvlText: '%1、' },
              { numFmt: 'decimal', lvlText: '%2.', restart: 0 },
              { numFmt: 'lowerLetter', lvlText: '%3)', restart: 1 },
            ],
          },
          { 1: { abstract: 3 } },
        ),
      },
    });
    expect(await lines(docx)).toEqual([
      '一、甲',
      '1. 甲一',
      'a) 甲一a',
      '2. 甲二',
      'b) 甲二a',
      '二、乙',
      '3. 乙一',
      'a) 乙一a',
    ]);
  });

  it('numbers a paragraph through its paragraph style and the styles that one is based on, written by the docx library', async () => {
    const docx = await wordDocx({
      numbering: [{ reference: 'report', levels: REPORT_LEVELS }],
      paragraphStyles: [
        {
          id: 'NumberedHeading',
          name: 'Numbered Heading',
          paragraph: { numbering: { reference: 'report', level: 0 } },
        },
        { id: 'SectionHeading', name: 'Section Heading', basedOn: 'NumberedHeading' },
      ],
      children: [
        new Paragraph({ text: '工作开展情况', style: 'NumberedHeading' }),
        new Paragraph('今年以来，支部认真落实……'),
        new Paragraph({ text: '存在的问题', style: 'SectionHeading' }),
      ],
    });
    expect(await lines(docx)).toEqual(['一、工作开展情况', '今年以来，支部认真落实……', '二、存在的问题']);
  });

  it("takes the level from the style, or from the level linked to the style, and lets numId 0 remove a style's numbering", async () => {
    const docx = await wordDocx({
      children: [raw('list')],
      rawBlocks: {
        list: [
          numberedP('存在问题', null, 0, 'Heading1'),
          numberedP('理论学习', null, 0, 'Heading2'),
          numberedP('学习不深入', null, 0, 'Heading3'),
          `<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号的标题</w:t></w:r></w:p>`,
          numberedP('组织生活', null, 0, 'Heading2'),
          numberedP('正文', null),
        ].join(''),
      },
      rawParts: {
        'word/numbering.xml': numberingXml(
          {
            4: [
              { numFmt: 'chineseCounting', lvlText: '%1、' },
              { numFmt: 'chineseCounting', lvlText: '（%2）', pStyle: 'Heading2' },
              { numFmt: 'decimal', lvlText: '%3.' },
            ],
          },
          { 9: { abstract: 4 } },
        ),
        'word/styles.xml': stylesXml({
          Normal: { isDefault: true },
          Heading1: { basedOn: 'Normal', numId: 9, ilvl: 0 },
          Heading2: { basedOn: 'Heading1', numId: 9 },
          Heading3: { basedOn: 'Heading2', ilvl: 2 },
        }),
      },
    });
    expect(await lines(docx)).toEqual([
      '一、存在问题',
      '（一）理论学习',
      '1. 学习不深入',
      '不编号的标题',
      '（二）组织生活',
      '正文',
    ]);
  });

  it('uses a level that a w:lvlOverride replaces, from its own start', async () => {
    const numbering =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">' +
      '<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num>' +
      '</w:numbering>';
    const docx = await wordDocx({
      children: [raw('list')],
      rawBlocks: {
        list: [numberedP('甲', 1), numberedP('乙', 2), numberedP('丙', 2)].join(''),
      },
      rawParts: { 'word/numbering.xml': numbering },
    });
    expect(await lines(docx)).toEqual(['一、甲', '5) 乙', '6) 丙']);
  });

  it('follows w:numStyleLink to the numbering style that holds the levels', async () => {
    const numbering =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="ReportList"/>' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ReportList"/></w:abstractNum>' +
      '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>' +
      '</w:numbering>';
    const styles =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:style w:type="numbering" w:styleId="ReportList"><w:name w:val="Report List"/>' +
      '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>';
    const docx = await wordDocx({
      children: [raw('list')],
      rawBlocks: { list: numberedP('存在问题', 6) + numberedP('整改措施', 6) },
      rawParts: { 'word/numbering.xml': numbering, 'word/styles.xml': styles },
    });
    expect(await lines(docx)).toEqual(['一、存在问题', '二、整改措施']);
  });

  it('counts an empty numbered paragraph, as Word does, without writing a line for it', async () => {
    const docx = await wordDocx({
      numbering: [{ reference: 'report', levels: REPORT_LEVELS }],
      children: [item('第一', 0), item('', 0), item('第三', 0)],
    });
    expect(await lines(docx)).toEqual(['一、第一', '三、第三']);
  });
});
