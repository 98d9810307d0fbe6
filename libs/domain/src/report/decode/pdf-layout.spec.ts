import { type PdfPageText, type PdfTextItem, pdfPagesToText } from './pdf-layout';

/**
 * An A4 page as a word processor lays out a report: body 16 pt, lines 28 pt apart from the
 * top, left margin 72 pt, first lines indented two characters (104 pt), text up to 520 pt.
 */
const SIZE = 16;
const LEFT = 72;
const INDENT = 104;
const RIGHT = 520;

interface LineSpec {
  text: string;
  x?: number;
  /** Where the line ends; default: x + one em per character. */
  right?: number;
  size?: number;
  y?: number;
}

function page(lines: LineSpec[], top = 760): PdfPageText {
  const items: PdfTextItem[] = [];
  lines.forEach((line, n) => {
    const size = line.size ?? SIZE;
    const x = line.x ?? LEFT;
    const width = (line.right ?? x + [...line.text].length * size) - x;
    const y = line.y ?? top - n * 28;
    // pdf.js marks the break with an empty item before each new line.
    if (n > 0) items.push({ str: '', x, y, width: 0, height: 0, hasEOL: true });
    items.push({ str: line.text, x, y, width, height: size, hasEOL: false });
  });
  return { items };
}

/** A paragraph wrapped at the right margin: an indented first line, then full lines, then the rest. */
function paragraph(first: string, ...rest: string[]): LineSpec[] {
  return [
    { text: first, x: INDENT, right: RIGHT },
    ...rest.map((text, i) => ({ text, x: LEFT, right: i < rest.length - 1 ? RIGHT : undefined })),
  ];
}

const header = (): LineSpec[] => [{ text: '柳岸社区第二党支部', x: 429, size: 10.5, y: 794 }];
const footer = (n: number): LineSpec[] => [{ text: `— ${n} —`, x: 280, size: 12, y: 38 }];

describe('pdfPagesToText', () => {
  it('joins the wrapped lines of a paragraph without spaces and ends it where a line ends early', () => {
    const text = pdfPagesToText([
      page([
        ...paragraph(
          '2023年，在街道党工委的坚强领导下，柳岸社区第二党支部',
          '坚持以习近平新时代中国特色社会主义思想为指导。',
        ),
        ...paragraph('全年组织集中学习十二次。'),
      ]),
    ]);
    expect(text).toBe(
      '2023年，在街道党工委的坚强领导下，柳岸社区第二党支部坚持以习近平新时代中国特色社会主义思想为指导。\n全年组织集中学习十二次。\n',
    );
  });

  it('starts a new paragraph at a numbering marker even when the line above is full', () => {
    const text = pdfPagesToText([
      page([
        { text: '二、存在问题', x: INDENT },
        { text: '（一）理论学习的系统性不强。支部学习多以读文件为主，专题', x: INDENT, right: RIGHT },
        { text: '研讨次数偏少。', x: LEFT },
        { text: '（二）组织生活质量有待提升。“三会一课”有时流于形式，主题', x: LEFT, right: RIGHT },
        { text: '党日活动内容较为单一。', x: LEFT },
        { text: '1.完善学习制度，每季度至少开展一次专题研讨，推动理论学习', x: LEFT, right: RIGHT },
        { text: '与社区治理相结合。', x: LEFT },
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      '二、存在问题',
      '（一）理论学习的系统性不强。支部学习多以读文件为主，专题研讨次数偏少。',
      '（二）组织生活质量有待提升。“三会一课”有时流于形式，主题党日活动内容较为单一。',
      '1.完善学习制度，每季度至少开展一次专题研讨，推动理论学习与社区治理相结合。',
      '',
    ]);
  });

  it('starts a new paragraph at an indented line after a full one', () => {
    const text = pdfPagesToText([
      page([
        { text: '一是思想认识还不到位，对理论学习的重要性认识不足，存在重业务', x: INDENT, right: RIGHT },
        { text: '轻学习的倾向，学习的自觉性还需提高，学习的系统性还需加强，学', x: LEFT, right: RIGHT },
        { text: '二是制度执行不够严格，对组织生活的督促检查不够经常。', x: INDENT },
      ]),
    ]);
    expect(text.split('\n')).toHaveLength(3);
  });

  it('drops a header repeated on every page and the page numbers, and joins a paragraph across the page break', () => {
    const bodies: LineSpec[][] = [
      [
        {
          text: '组织党员志愿者开展环境整治、政策宣传、关爱老人等活动，帮助',
          x: INDENT,
          right: RIGHT,
          y: 747,
        },
      ],
      [
        { text: '居民解决停车难、路灯维修等实际问题十五件。', x: LEFT, y: 747 },
        { text: '二、存在问题', x: INDENT, y: 719 },
      ],
      [{ text: '（一）理论学习的系统性不强。', x: INDENT, y: 747 }],
    ];
    const pages = bodies.map((body, i) => page([...header(), ...body, ...footer(i + 1)]));
    expect(pdfPagesToText(pages)).toBe(
      '组织党员志愿者开展环境整治、政策宣传、关爱老人等活动，帮助居民解决停车难、路灯维修等实际问题十五件。\n' +
        '二、存在问题\n' +
        '（一）理论学习的系统性不强。\n',
    );
  });

  it.each(['— 3 —', '- 3 -', '3', '第3页', '第 3 页 共 9 页', '3/9', 'Page 3 of 9'])(
    'drops the page number %s at the foot of a single page',
    (number) => {
      const text = pdfPagesToText([
        page([
          { text: '正文。', x: INDENT },
          { text: number, x: 280, y: 38 },
        ]),
      ]);
      expect(text).toBe('正文。\n');
    },
  );

  it('keeps a line that repeats in the body, away from the page margins', () => {
    const body = (n: number) =>
      page([
        ...header(),
        { text: `第${n}页开头。`, x: INDENT, y: 747 },
        { text: `第${n}页第二段。`, x: INDENT, y: 719 },
        { text: `第${n}页第三段。`, x: INDENT, y: 691 },
        { text: '此项工作长期坚持。', x: INDENT, y: 663 },
        { text: `第${n}页第五段。`, x: INDENT, y: 635 },
        { text: `第${n}页第六段。`, x: INDENT, y: 607 },
        { text: `第${n}页第七段。`, x: INDENT, y: 579 },
        ...footer(n),
      ]);
    const text = pdfPagesToText([body(1), body(2)]);
    expect(text.match(/此项工作长期坚持。/g)).toHaveLength(2);
    expect(text).not.toContain('柳岸社区第二党支部');
  });

  it('joins a title set large over two centred lines, and removes the spaces pdf.js puts beside digits', () => {
    const items: PdfTextItem[] = [
      { str: '中共柳岸社区第二支部委员会', x: 78, y: 747, width: 286, height: 22, hasEOL: false },
      { str: ' ', x: 364, y: 747, width: 4, height: 0, hasEOL: false },
      { str: '2023', x: 368, y: 747, width: 56, height: 22, hasEOL: false },
      { str: ' ', x: 424, y: 747, width: 4, height: 0, hasEOL: false },
      { str: '年度党建', x: 429, y: 747, width: 88, height: 22, hasEOL: true },
      { str: '工作述职报告', x: 231, y: 719, width: 132, height: 22, hasEOL: true },
      ...page(paragraph('现将一年来的工作情况报告如下。', '以上报告，请审议。'), 691).items,
    ];
    expect(pdfPagesToText([{ items }]).split('\n')[0]).toBe(
      '中共柳岸社区第二支部委员会2023年度党建工作述职报告',
    );
  });

  it('keeps the space between words of Latin text wrapped over two lines', () => {
    const text = pdfPagesToText([
      page([
        { text: 'The branch held twelve study sessions and three seminars on the', x: INDENT, right: RIGHT },
        { text: 'report of the congress.', x: LEFT },
      ]),
    ]);
    expect(text).toBe(
      'The branch held twelve study sessions and three seminars on the report of the congress.\n',
    );
  });

  it('gives an empty text for pages without text items', () => {
    expect(pdfPagesToText([{ items: [] }, { items: [] }])).toBe('');
  });
});
