import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** A part of an Office file (.docx, .xlsx) that is not well-formed XML, and why. */
export interface XmlProblem {
  part: string;
  error: string;
}

/**
 * Every XML part of an Office file (a zip) checked with a strict, conforming XML parser
 * (saxes): the bytes must be UTF-8 and the text well-formed XML 1.0, characters included
 * (a control character such as U+0007 or U+FFFF is an error, as it is for Word and Excel).
 * Returns the problems found; none for a file Word, WPS and LibreOffice can open.
 */
export async function xmlProblems(officeFile: Uint8Array): Promise<XmlProblem[]> {
  const zip = await JSZip.loadAsync(officeFile);
  const problems: XmlProblem[] = [];
  const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name));
  if (parts.length === 0) problems.push({ part: '(zip)', error: 'no XML parts' });
  for (const file of parts) {
    const bytes = await file.async('uint8array');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problems.push({ part: file.name, error: 'not UTF-8' });
      continue;
    }
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (err) => problems.push({ part: file.name, error: err.message }));
    parser.write(text).close();
  }
  return problems;
}

/** The text content of one XML part (all character data, tags removed), e.g. word/document.xml. */
export async function xmlPartText(officeFile: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(officeFile);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  const parser = new SaxesParser();
  const chunks: string[] = [];
  parser.on('text', (t) => chunks.push(t));
  parser.write(await file.async('string')).close();
  return chunks.join('');
}
