import { type Block, type CellBlock, type RowBlock, type TableBlock, WARNINGS } from './blocks';
import { type ListCounter } from './list-counter';
import { child, childVal, intAttr, ownText, type XmlElement } from './ooxml-tree';
import { isOn } from './styles';

/** Word tables have at most 63 columns; a larger span or gap in a file is clamped to it. */
export const MAX_TABLE_COLUMNS = 63;

const CHART_URI = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DIAGRAM_URI = 'http://schemas.openxmlformats.org/drawingml/2006/diagram';
const CHART_EX_URI = 'http://schemas.microsoft.com/office/drawing/2014/chartex';

/** The text of one paragraph while it is read: its characters, and the text boxes anchored in it. */
interface Inline {
  parts: string[];
  boxes: Block[];
}

/** Inline containers that carry no text Word shows: deleted text, properties, ruby annotations. */
const SKIPPED_INLINE = new Set(['w:del', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:sdtPr', 'w:sdtEndPr', 'w:rt']);

const clampSpan = (value: number | undefined, min: number) =>
  Math.min(Math.max(value ?? min, min), MAX_TABLE_COLUMNS);

/**
 * Reads the blocks of a document body (or of a table cell, or of a text box) in document order,
 * as Word shows them: each paragraph's numbering label in front of its text; soft line breaks
 * (`w:br` of any type, `w:cr`) as line breaks and tabs as spaces; inserted text kept, deleted
 * text, hidden text (`w:vanish`) and field codes left out, field results kept; each text box
 * (`w:txbxContent`, DrawingML or VML) read once, after the paragraph it is anchored in. What it
 * cannot read (charts, SmartArt, embedded objects, imported files) is named in `warnings`.
 *
 * One reader reads one document: the list counters and the state of open fields carry over
 * from paragraph to paragraph. Recursion follows the XML nesting, which `openDocxPackage` has
 * bounded (DocxLimits.maxXmlDepth).
 */
export class BodyReader {
  readonly warnings = new Set<string>();
  /** One entry per open field: true while its instruction (code) is being read. */
  private readonly fields: boolean[] = [];
  private fieldsInCode = 0;

  constructor(private readonly counter: ListCounter) {}

  /** The blocks of `container`'s children (`w:body`, `w:tc`, `w:txbxContent`, `w:sdtContent` …). */
  readBlocks(container: XmlElement, out: Block[] = []): Block[] {
    for (const node of container.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:p':
          this.readParagraph(node, out);
          break;
        case 'w:tbl':
          out.push({ kind: 'table', table: this.readTable(node) });
          break;
        case 'w:sdt': {
          const content = child(node, 'w:sdtContent');
          if (content) this.readBlocks(content, out);
          break;
        }
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          this.readBlocks(node, out);
          break;
        case 'mc:AlternateContent': {
          const chosen = this.alternate(
            node,
            (branch) => this.readBlocks(branch),
            (b) => b.length === 0,
          );
          for (const block of chosen) out.push(block);
          break;
        }
        case 'w:altChunk':
          this.warnings.add(WARNINGS.altChunk);
          break;
        default:
          break;
      }
    }
    return out;
  }

  private readParagraph(p: XmlElement, out: Block[]): void {
    const pPr = child(p, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const inline: Inline = { parts: [], boxes: [] };
    this.readInline(p, inline);
    // A field instruction never spans paragraphs in practice; one left open by a broken file
    // must not hide the rest of the report.
    for (let i = 0; i < this.fields.length; i++) this.fields[i] = false;
    this.fieldsInCode = 0;
    // Counted even when the paragraph is empty, as Word does.
    const label = this.counter.label(
      { numId: childVal(numPr, 'w:numId'), ilvl: intAttr(childVal(numPr, 'w:ilvl')) },
      childVal(pPr, 'w:pStyle'),
    );
    let first = true;
    for (const line of inline.parts.join('').split('\n')) {
      if (line.trim() === '') continue;
      out.push({ kind: 'line', text: first ? label + line : line });
      first = false;
    }
    for (const box of inline.boxes) out.push(box);
  }

  private readInline(element: XmlElement, inline: Inline): void {
    for (const node of element.children) {
      if (typeof node === 'string' || SKIPPED_INLINE.has(node.name)) continue;
      if (node.name === 'w:r') this.readRun(node, inline);
      else if (node.name === 'm:t') this.emit(inline, ownText(node));
      else if (node.name === 'mc:AlternateContent')
        this.alternateInline(node, inline, (b, i) => this.readInline(b, i));
      // Hyperlinks, content controls, smart tags, insertions, simple fields (their result), math.
      else this.readInline(node, inline);
    }
  }

  private readRun(run: XmlElement, inline: Inline): void {
    const vanish = child(child(run, 'w:rPr'), 'w:vanish');
    this.readRunContent(run, inline, vanish !== undefined && isOn(vanish.attrs['w:val']));
  }

  private readRunContent(run: XmlElement, inline: Inline, hidden: boolean): void {
    for (const node of run.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:t':
          if (!hidden) this.emit(inline, ownText(node));
          break;
        case 'w:tab':
        case 'w:ptab':
          if (!hidden) this.emit(inline, ' ');
          break;
        case 'w:br':
        case 'w:cr':
          if (!hidden) this.emit(inline, '\n');
          break;
        case 'w:noBreakHyphen':
          if (!hidden) this.emit(inline, '-');
          break;
        case 'w:fldChar':
          this.fieldChar(node.attrs['w:fldCharType']);
          break;
        case 'w:ruby':
          this.readInline(node, inline);
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          this.readGraphic(node, inline);
          break;
        case 'mc:AlternateContent':
          this.alternateInline(node, inline, (b, i) => this.readRunContent(b, i, hidden));
          break;
        default:
          break;
      }
    }
  }

  private emit(inline: Inline, text: string): void {
    if (this.fieldsInCode === 0) inline.parts.push(text);
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push(true);
      this.fieldsInCode++;
    } else if (type === 'separate') {
      if (this.fields[this.fields.length - 1] === true) {
        this.fields[this.fields.length - 1] = false;
        this.fieldsInCode--;
      }
    } else if (type === 'end') {
      if (this.fields.pop() === true) this.fieldsInCode--;
    }
  }

  /** Text boxes and shapes: each `w:txbxContent` becomes blocks after the paragraph. */
  private readGraphic(element: XmlElement, inline: Inline): void {
    for (const node of element.children) {
      if (typeof node === 'string') continue;
      if (node.name === 'w:txbxContent') {
        this.readBlocks(node, inline.boxes);
      } else if (node.name === 'mc:AlternateContent') {
        this.alternateInline(node, inline, (b, i) => this.readGraphic(b, i));
      } else if (
        node.name === 'a:graphicData' &&
        [CHART_URI, DIAGRAM_URI, CHART_EX_URI].includes(node.attrs.uri)
      ) {
        this.warnings.add(WARNINGS.graphic);
      } else if (node.name === 'o:OLEObject') {
        if (!(node.attrs.ProgID ?? '').startsWith('Equation')) this.warnings.add(WARNINGS.embeddedObject);
      } else if (node.name === 'v:textpath') {
        const art = node.attrs.string?.trim();
        if (art) inline.boxes.push({ kind: 'line', text: art });
      } else {
        this.readGraphic(node, inline);
      }
    }
  }

  /**
   * `mc:AlternateContent` holds the same content twice: the first `mc:Choice` (DrawingML for
   * Word 2010 and later) and `mc:Fallback` (VML for older readers). Read the choice; only when
   * it gives nothing, the fallback; so a text box is read once. The choice's warnings stand
   * only when the fallback gives nothing either.
   */
  private alternate<T>(
    node: XmlElement,
    read: (branch: XmlElement) => T,
    isEmpty: (result: T) => boolean,
  ): T {
    const before = new Set(this.warnings);
    const choice = child(node, 'mc:Choice');
    const fromChoice = choice ? read(choice) : undefined;
    if (fromChoice !== undefined && !isEmpty(fromChoice)) return fromChoice;
    const fallback = child(node, 'mc:Fallback');
    if (!fallback) return fromChoice ?? read({ name: '#empty', attrs: {}, children: [] });
    const afterChoice = new Set(this.warnings);
    this.warnings.clear();
    for (const w of before) this.warnings.add(w);
    const fromFallback = read(fallback);
    if (isEmpty(fromFallback)) for (const w of afterChoice) this.warnings.add(w);
    return fromFallback;
  }

  private alternateInline(node: XmlElement, inline: Inline, read: (b: XmlElement, i: Inline) => void): void {
    const found = this.alternate(
      node,
      (branch) => {
        const part: Inline = { parts: [], boxes: [] };
        read(branch, part);
        return part;
      },
      (part) => part.parts.length === 0 && part.boxes.length === 0,
    );
    // Loops, not spreads: a branch may hold more items than a call takes arguments.
    for (const part of found.parts) inline.parts.push(part);
    for (const box of found.boxes) inline.boxes.push(box);
  }

  private readTable(tbl: XmlElement): TableBlock {
    const rows: RowBlock[] = [];
    for (const tr of descendantsThroughWrappers(tbl, 'w:tr')) {
      const trPr = child(tr, 'w:trPr');
      if (child(trPr, 'w:del')) continue;
      const cells: CellBlock[] = descendantsThroughWrappers(tr, 'w:tc').map((tc) => {
        const tcPr = child(tc, 'w:tcPr');
        const vMerge = child(tcPr, 'w:vMerge');
        return {
          blocks: this.readBlocks(tc),
          span: clampSpan(intAttr(childVal(tcPr, 'w:gridSpan')), 1),
          vMerge: vMerge ? (vMerge.attrs['w:val'] === 'restart' ? 'restart' : 'continue') : null,
        };
      });
      rows.push({
        before: clampSpan(intAttr(childVal(trPr, 'w:gridBefore')), 0),
        after: clampSpan(intAttr(childVal(trPr, 'w:gridAfter')), 0),
        cells,
      });
    }
    return { rows };
  }
}

/** Children named `name`, also those inside content controls and custom XML wrapping them. */
function descendantsThroughWrappers(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    if (node.name === name) out.push(node);
    else if (node.name === 'w:sdt') {
      const content = child(node, 'w:sdtContent');
      if (content) descendantsThroughWrappers(content, name, out);
    } else if (node.name === 'w:customXml' || node.name === 'w:ins') {
      descendantsThroughWrappers(node, name, out);
    }
  }
  return out;
}
