import { SaxesParser } from 'saxes';

/**
 * An XML element of an Office Open XML part, its names rewritten to the prefixes this reader
 * matches on (`w:p`, `wps:txbx`, `v:textbox` …) whatever prefixes the file declared: a writer
 * may bind WordprocessingML to `ns0:` or to the default namespace, and Strict OOXML uses other
 * namespace names for the same vocabulary. Names in namespaces the reader does not know keep
 * a name it never matches (their own, or `*:local`).
 */
export interface XmlElement {
  name: string;
  /** Attribute values by rewritten name (`w:val`); namespace declarations are dropped. */
  attrs: Record<string, string>;
  /** Child elements and, only inside the elements named in `keepTextIn`, character data. */
  children: (XmlElement | string)[];
}

/** Namespace names (Transitional and Strict) → the prefix this reader uses for them. */
const PREFIX_OF_NAMESPACE: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup': 'wpg',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas': 'wpc',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
};

const CANONICAL_PREFIXES = new Set(Object.values(PREFIX_OF_NAMESPACE));

/** Prefix bindings in scope; a new scope is opened only by an element that declares some. */
interface Scope {
  uris: Map<string, string>;
  /** Raw qualified name → rewritten name, valid while this scope is the innermost. */
  names: Map<string, string>;
  depth: number;
  /**
   * Every prefix in scope is the one this reader uses for its namespace (as Word, WPS,
   * LibreOffice and the docx library write them): names need no rewriting.
   */
  identity: boolean;
}

function isIdentity(uris: Map<string, string>): boolean {
  for (const [prefix, uri] of uris) {
    if (prefix === 'xml') continue;
    const known = PREFIX_OF_NAMESPACE[uri];
    if (
      prefix === ''
        ? known !== undefined
        : known !== undefined
          ? known !== prefix
          : CANONICAL_PREFIXES.has(prefix)
    ) {
      return false;
    }
  }
  return true;
}

function rewrite(scope: Scope, raw: string): string {
  let name = scope.names.get(raw);
  if (name === undefined) {
    const colon = raw.indexOf(':');
    const prefix = colon === -1 ? '' : raw.slice(0, colon);
    const uri = scope.uris.get(prefix);
    const known = uri === undefined ? undefined : PREFIX_OF_NAMESPACE[uri];
    name = `${known ?? '*'}:${raw.slice(colon + 1)}`;
    scope.names.set(raw, name);
  }
  return name;
}

const isDeclaration = (key: string) => key === 'xmlns' || key.startsWith('xmlns:');

/**
 * Parses one XML part (already measured by `openDocxPackage`, so its element count and depth
 * are bounded) into a tree. Character data is kept only inside elements whose rewritten name
 * is in `keepTextIn` (e.g. `w:t`): the whitespace between the other elements means nothing
 * here and would only cost memory. Throws saxes' error on XML that is not well-formed.
 */
export function parseOoxml(xml: string, keepTextIn: ReadonlySet<string> = new Set()): XmlElement {
  const parser = new SaxesParser({ position: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let scope: Scope = { uris: new Map([['xml', 'xml']]), names: new Map(), depth: 0, identity: true };
  const scopes: Scope[] = [];
  let keepText = 0;

  parser.on('opentag', (tag) => {
    const raw = tag.attributes as Record<string, string>;
    let declares = false;
    for (const key in raw) {
      if (!isDeclaration(key)) continue;
      if (!declares) {
        scopes.push(scope);
        scope = { uris: new Map(scope.uris), names: new Map(), depth: stack.length, identity: true };
        declares = true;
      }
      scope.uris.set(key === 'xmlns' ? '' : key.slice(6), raw[key]);
    }
    if (declares) scope.identity = isIdentity(scope.uris);
    let element: XmlElement;
    if (scope.identity) {
      // Declarations stay among the attributes: nothing looks them up.
      element = { name: tag.name, attrs: raw, children: [] };
    } else {
      const attrs: Record<string, string> = {};
      for (const key in raw) {
        if (isDeclaration(key)) continue;
        // An unprefixed attribute is in no namespace (not the default one): keep its plain name.
        attrs[key.includes(':') ? rewrite(scope, key) : key] = raw[key];
      }
      element = { name: rewrite(scope, tag.name), attrs, children: [] };
    }
    stack[stack.length - 1].children.push(element);
    stack.push(element);
    if (keepText > 0 || keepTextIn.has(element.name)) keepText++;
  });
  parser.on('closetag', () => {
    stack.pop();
    if (keepText > 0) keepText--;
    if (scopes.length > 0 && scope.depth === stack.length) scope = scopes.pop() as Scope;
  });
  const onText = (text: string) => {
    if (keepText > 0) stack[stack.length - 1].children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(xml).close();
  return root;
}

/** The first child element named `name`, if any. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** The child elements named `name`, in order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) found.push(c);
  return found;
}

/** The `w:val` attribute of the child element named `name` (`<w:ilvl w:val="1"/>` → "1"). */
export function childVal(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attrs['w:val'];
}

/** The character data directly inside `element`. */
export function ownText(element: XmlElement): string {
  let text = '';
  for (const c of element.children) if (typeof c === 'string') text += c;
  return text;
}

/** An integer attribute value, or undefined when absent or not an integer. */
export function intAttr(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}
