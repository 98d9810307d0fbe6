import {
  ColumnBreak,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Footer,
  Header,
  InsertedTextRun,
  PageBreak,
  Paragraph,
  Tab,
  TextRun,
} from 'docx';
import { p, r, raw, wordDocx } from '../../../../../../test/extraction/word-fixtures';
import { docxWith, textEntry } from '../../../../../../test/support/zip-bombs';
import { readDocx } from './read-docx';

const lines = async (docx: Buffer) => (await readDocx(docx)).text.split('\n').filter((l) => l !== '');

const fieldRun = (type: 'begin' | 'separate' | 'end') => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
const instr = (code: string) => `<w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r>`;

describe('readDocx: text as Word shows it', () => {
  it('breaks lines at soft line breaks (Shift+Enter), page and column breaks, and reads a tab as a space', async () => {
    const docx = await wordDocx({
      children: [
        new Paragraph({
          children: [
            new TextRun('存在问题：'),
            new TextRun({ text: '一是理论学习不深入；', break: 1 }),
            new TextRun({ text: '二是制度执行不严格。', break: 1 }),
          ],
        }),
        new Paragraph({ children: [new TextRun({ children: ['序号', new Tab(), '问题'] })] }),
        new Paragraph({ children: [new TextRun('第一页末尾'), new PageBreak(), new TextRun('第二页开头')] }),
        new Paragraph({ children: [new TextRun('左栏'), new ColumnBreak(), new TextRun('右栏')] }),
      ],
    });
    expect(await lines(docx)).toEqual([
      '存在问题：',
      '一是理论学习不深入；',
      '二是制度执行不严格。',
      '序号 问题',
      '第一页末尾',
      '第二页开头',
      '左栏',
      '右栏',
    ]);
  });

  it('reads a carriage return (w:cr) as a line break and leaves out lines that are only breaks', async () => {
    const docx = await wordDocx({
      children: [raw('cr')],
      rawBlocks: { cr: p(r('第一行'), '<w:r><w:cr/><w:br/><w:t>第二行</w:t></w:r>') },
    });
    expect(await lines(docx)).toEqual(['第一行', '第二行']);
  });

  it('keeps inserted text and leaves out deleted text of tracked changes', async () => {
    const date = '2024-01-05T09:00:00Z';
    const docx = await wordDocx({
      children: [
        new Paragraph({
          children: [
            new TextRun('理论学习'),
            new DeletedTextRun({ text: '很', id: 1, author: '审核人', date }),
            new InsertedTextRun({ text: '不够', id: 2, author: '审核人', date }),
            new TextRun('深入'),
          ],
        }),
      ],
    });
    expect(await lines(docx)).toEqual(['理论学习不够深入']);
  });

  it('leaves out field codes and keeps the field results, also of nested fields and simple fields', async () => {
    const docx = await wordDocx({
      children: [raw('fields')],
      rawBlocks: {
        fields:
          p(
            r('详见第'),
            fieldRun('begin'),
            instr(' PAGEREF _Toc1 \\h '),
            fieldRun('separate'),
            r('3'),
            fieldRun('end'),
            r('页'),
          ) +
          p(
            fieldRun('begin'),
            instr(' IF '),
            fieldRun('begin'),
            instr(' DATE '),
            fieldRun('separate'),
            r('2024-01-05'),
            fieldRun('end'),
            instr(' = "" "空" "非空" '),
            fieldRun('separate'),
            r('非空'),
            fieldRun('end'),
          ) +
          p('<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple>', r('页')),
      },
    });
    expect(await lines(docx)).toEqual(['详见第3页', '非空', '12页']);
  });

  it('does not let a field left open by a broken file hide the paragraphs after it', async () => {
    const docx = await wordDocx({
      children: [raw('broken'), new Paragraph('二、存在问题')],
      rawBlocks: { broken: p(r('前文'), fieldRun('begin'), instr(' TOC \\o "1-3" ')) },
    });
    expect(await lines(docx)).toEqual(['前文', '二、存在问题']);
  });

  it('leaves out hidden text and keeps hyperlinks, content controls and smart tags', async () => {
    const docx = await wordDocx({
      children: [
        new Paragraph({
          children: [
            new TextRun('正文'),
            new TextRun({ text: '（隐藏的批注）', vanish: true }),
            new ExternalHyperlink({ link: 'https://example.org', children: [new TextRun('链接文字')] }),
          ],
        }),
        raw('wrappers'),
      ],
      rawBlocks: {
        wrappers:
          '<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' +
          p(r('控件中的段落')) +
          '</w:sdtContent></w:sdt>' +
          p('<w:smartTag w:uri="urn:x" w:element="place">', r('青石镇'), '</w:smartTag>', r('党委')) +
          p('<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示的文字</w:t></w:r>'),
      },
    });
    expect(await lines(docx)).toEqual(['正文链接文字', '控件中的段落', '青石镇党委', '显示的文字']);
  });

  it('reads only the body: headers, footers, footnotes and comments are not report text', async () => {
    const docx = await wordDocx({
      section: {
        headers: { default: new Header({ children: [new Paragraph('页眉：青石村党总支')] }) },
        footers: { default: new Footer({ children: [new Paragraph('第 1 页')] }) },
      },
      footnotes: { 1: { children: [new Paragraph('脚注：数据截至年底。')] } },
      comments: {
        children: [
          {
            id: 0,
            author: '审核人',
            date: new Date('2024-01-05T09:00:00Z'),
            children: [new Paragraph('批注：请核实')],
          },
        ],
      },
      children: [
        new Paragraph({
          children: [
            new CommentRangeStart(0),
            new TextRun('全年发展党员3名'),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
            new FootnoteReferenceRun(1),
            new TextRun('。'),
          ],
        }),
      ],
    });
    expect(await lines(docx)).toEqual(['全年发展党员3名。']);
  });

  it('reads a document whose WordprocessingML namespace is bound to another prefix', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<ns0:body><ns0:p><ns0:r><ns0:t>二、存在问题</ns0:t><ns0:br/><ns0:t>理论学习不深入</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>';
    const decoded = await readDocx(docxWith(textEntry('word/document.xml', xml)));
    expect(decoded.text).toBe('二、存在问题\n理论学习不深入\n');
  });
});
