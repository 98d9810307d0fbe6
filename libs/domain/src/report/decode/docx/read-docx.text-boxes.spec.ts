import { Paragraph, TextRun, Textbox, WpgGroupRun, WpsShapeRun } from 'docx';
import { p, r, raw, wordDocx } from '../../../../../../test/extraction/word-fixtures';
import { WARNINGS } from './blocks';
import { readDocx } from './read-docx';

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const WPS_URI = 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape';

/** A DrawingML text box as Word writes it inside w:drawing. */
const drawingBox = (...paragraphs: string[]) =>
  '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
  '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>' +
  '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2743200" cy="914400"/>' +
  '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="文本框 1"/>' +
  `<a:graphic ${A}><a:graphicData uri="${WPS_URI}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>` +
  `<wps:txbx><w:txbxContent>${paragraphs.map((t) => p(r(t))).join('')}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>` +
  '</a:graphicData></a:graphic></wp:anchor></w:drawing>';

/** The VML form of the same box, as Word writes it for older readers. */
const vmlBox = (...paragraphs: string[]) =>
  '<w:pict><v:shape id="文本框 1" type="#_x0000_t202" style="width:216pt;height:72pt"><v:textbox>' +
  `<w:txbxContent>${paragraphs.map((t) => p(r(t))).join('')}</w:txbxContent></v:textbox></v:shape></w:pict>`;

const alternate = (choice: string, fallback: string) =>
  `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent></w:r>`;

const graphicData = (uri: string, inner: string) =>
  `<w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="9" name="图形"/><a:graphic ${A}><a:graphicData uri="${uri}">${inner}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

describe('readDocx: text boxes', () => {
  it('reads a text box Word writes twice (DrawingML choice, VML fallback) once, after the paragraph it is anchored in', async () => {
    const box = ['问题一：理论学习不深入', '问题二：制度执行不严格'];
    const docx = await wordDocx({
      children: [new Paragraph('二、存在问题'), raw('box'), new Paragraph('三、下步打算')],
      rawBlocks: { box: p(r('具体问题见右侧文本框。'), alternate(drawingBox(...box), vmlBox(...box))) },
    });
    const decoded = await readDocx(docx);
    expect(lines(decoded.text)).toEqual([
      '二、存在问题',
      '具体问题见右侧文本框。',
      '问题一：理论学习不深入',
      '问题二：制度执行不严格',
      '三、下步打算',
    ]);
    expect(decoded.warnings).toEqual([]);
  });

  it('reads a DrawingML text box that has no VML fallback (docx library), and a VML-only one', async () => {
    const docx = await wordDocx({
      children: [
        new Paragraph({
          children: [
            new TextRun('正文前'),
            new WpsShapeRun({
              type: 'wps',
              transformation: { width: 200, height: 80 },
              children: [new Paragraph('绘图文本框中的文字')],
            }),
            new TextRun('正文后'),
          ],
        }),
        new Textbox({
          style: { width: '200pt', height: 'auto' },
          children: [new Paragraph('VML 文本框中的文字')],
        }),
      ],
    });
    const decoded = await readDocx(docx);
    expect(lines(decoded.text)).toEqual(['正文前正文后', '绘图文本框中的文字', 'VML 文本框中的文字']);
    expect(decoded.warnings).toEqual([]);
  });

  it('reads the text boxes of a shape group, in order', async () => {
    const shape = (text: string, y: number) => ({
      type: 'wps' as const,
      transformation: {
        pixels: { x: 100, y: 40 },
        emus: { x: 952500, y: 381000 },
        offset: { pixels: { x: 0, y }, emus: { x: 0, y: y * 9525 } },
      },
      data: { children: [new Paragraph(text)] },
    });
    const docx = await wordDocx({
      children: [
        new Paragraph({
          children: [
            new WpgGroupRun({
              type: 'wpg',
              transformation: { width: 100, height: 80 },
              children: [shape('组内文本框一', 0), shape('组内文本框二', 40)],
            }),
          ],
        }),
      ],
    });
    const decoded = await readDocx(docx);
    expect(lines(decoded.text)).toEqual(['组内文本框一', '组内文本框二']);
    expect(decoded.warnings).toEqual([]);
  });

  it('reads the VML fallback when the DrawingML choice gives no text', async () => {
    const emptyChoice = `<w:drawing><wp:inline><wp:docPr id="3" name="形状"/><a:graphic ${A}><a:graphicData uri="${WPS_URI}"><wps:wsp><wps:spPr/><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>`;
    const docx = await wordDocx({
      children: [raw('box')],
      rawBlocks: { box: p(alternate(emptyChoice, vmlBox('只在备用内容中的文字'))) },
    });
    expect(lines((await readDocx(docx)).text)).toEqual(['只在备用内容中的文字']);
  });

  it('warns, in Chinese, about text it cannot read in charts, SmartArt and embedded objects, and still reads the rest', async () => {
    const chart = graphicData(
      'http://schemas.openxmlformats.org/drawingml/2006/chart',
      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId90"/>',
    );
    const smartArt = graphicData(
      'http://schemas.openxmlformats.org/drawingml/2006/diagram',
      '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rId91" r:lo="rId92" r:qs="rId93" r:cs="rId94"/>',
    );
    const excel =
      '<w:r><w:object><v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:300pt;height:100pt"/>' +
      '<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" ObjectID="_1" r:id="rId95"/></w:object></w:r>';
    const docx = await wordDocx({
      children: [new Paragraph('一、基本情况'), raw('graphics'), new Paragraph('二、存在问题')],
      rawBlocks: { graphics: p(r('党员结构见图：'), chart, smartArt) + p(excel) },
    });
    const decoded = await readDocx(docx);
    expect(lines(decoded.text)).toEqual(['一、基本情况', '党员结构见图：', '二、存在问题']);
    expect(decoded.warnings).toEqual([WARNINGS.graphic, WARNINGS.embeddedObject]);
    expect(decoded.warnings[0]).toContain('文字未能读取，请核对');
  });

  it('gives no warning for an equation object or a picture', async () => {
    const equation =
      '<w:r><w:object><v:shape id="_x0000_i1026" type="#_x0000_t75"/>' +
      '<o:OLEObject Type="Embed" ProgID="Equation.DSMT4" ShapeID="_x0000_i1026" ObjectID="_2" r:id="rId96"/></w:object></w:r>';
    const picture = graphicData(
      'http://schemas.openxmlformats.org/drawingml/2006/picture',
      '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="照片"/><pic:cNvPicPr/></pic:nvPicPr></pic:pic>',
    );
    const docx = await wordDocx({ children: [raw('g')], rawBlocks: { g: p(r('图文'), equation, picture) } });
    const decoded = await readDocx(docx);
    expect(lines(decoded.text)).toEqual(['图文']);
    expect(decoded.warnings).toEqual([]);
  });
});
