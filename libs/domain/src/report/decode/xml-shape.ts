/**
 * Counts the elements and the nesting depth of an XML part without parsing it, so that a part
 * too costly to parse is refused before the (slow, memory-hungry) DOM parser sees it.
 *
 * It is a bound, not a parser: it reads UTF-8 bytes (in which `<`, `>`, quotes and `/` never
 * occur inside a multi-byte character), skips comments, processing instructions and CDATA,
 * and stops at the first limit reached. A document type declaration is reported as such:
 * Office Open XML forbids DTDs (ECMA-376 Part 2, §8.1.4), and they are how entity-expansion
 * attacks begin.
 */
export type XmlShapeProblem = 'too_many_elements' | 'too_deep' | 'doctype';

export interface XmlShape {
  /** Start tags seen (up to the limit + 1 when `problem` is set). */
  elements: number;
  problem: XmlShapeProblem | null;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

const COMMENT_OPEN = Buffer.from('<!--');
const CDATA_OPEN = Buffer.from('<![CDATA[');

function startsAt(buf: Buffer, at: number, prefix: Buffer): boolean {
  return buf.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0;
}

/** Index of the `>` closing the start tag that opens at `from`, skipping quoted attribute values. */
function endOfTag(buf: Buffer, from: number): number {
  let quote = 0;
  for (let j = from; j < buf.length; j++) {
    const c = buf[j];
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      quote = c;
    } else if (c === GT) {
      return j;
    }
  }
  return -1;
}

/**
 * Measures `xml` (UTF-8 bytes) against `maxElements` (start tags in this part) and `maxDepth`.
 * Runs in one pass over the bytes and allocates nothing per element.
 */
export function measureXmlShape(xml: Uint8Array, maxElements: number, maxDepth: number): XmlShape {
  const buf = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  let elements = 0;
  let depth = 0;
  let i = buf.indexOf(LT);
  while (i !== -1) {
    const next = buf[i + 1];
    let end: number;
    if (next === SLASH) {
      depth--;
      end = buf.indexOf(GT, i + 2);
    } else if (next === QUESTION) {
      end = buf.indexOf('?>', i + 2);
    } else if (next === BANG) {
      if (startsAt(buf, i, COMMENT_OPEN)) end = buf.indexOf('-->', i + COMMENT_OPEN.length);
      else if (startsAt(buf, i, CDATA_OPEN)) end = buf.indexOf(']]>', i + CDATA_OPEN.length);
      else return { elements, problem: 'doctype' };
    } else {
      elements++;
      depth++;
      if (elements > maxElements) return { elements, problem: 'too_many_elements' };
      if (depth > maxDepth) return { elements, problem: 'too_deep' };
      end = endOfTag(buf, i + 1);
      if (end !== -1 && buf[end - 1] === SLASH) depth--;
    }
    if (end === -1) break;
    i = buf.indexOf(LT, end + 1);
  }
  return { elements, problem: null };
}
