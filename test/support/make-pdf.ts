import { deflateSync } from 'node:zlib';

/** A stream object: its dictionary entries (without /Length) and its bytes as stored. */
export interface PdfStream {
  dictionary: string;
  data: Buffer;
}

/** One page: its content stream (PDF operators, stored Flate-compressed) and its resources. */
export interface PdfPage {
  content: string | Buffer;
  /** The /Resources dictionary, e.g. `<< /Font << /F1 3 0 R >> >>` naming shared objects. */
  resources?: string;
  /** Store the content as given, with this filter name, instead of Flate-compressing it. */
  filter?: string;
}

/**
 * A small, valid PDF written by hand, for tests of the PDF reader's limits and of scans:
 * object 1 is the catalog, 2 the page tree, then `shared` objects from number 3 (fonts, images),
 * then each page and its content stream. Cross-reference table and trailer included.
 */
export function makePdf(pages: PdfPage[], shared: (string | PdfStream)[] = []): Buffer {
  const objects: (string | PdfStream)[] = [];
  const firstPage = 3 + shared.length;
  const pageIds = pages.map((_, i) => firstPage + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  shared.forEach((object, i) => (objects[3 + i] = object));
  pages.forEach((page, i) => {
    const id = pageIds[i];
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${page.resources ?? '<< >>'} /Contents ${id + 1} 0 R >>`;
    const content = Buffer.isBuffer(page.content) ? page.content : Buffer.from(page.content, 'latin1');
    objects[id + 1] = page.filter
      ? { dictionary: `/Filter /${page.filter}`, data: content }
      : { dictionary: '/Filter /FlateDecode', data: deflateSync(content) };
  });
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0].length;
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = length;
    const object = objects[id];
    const body =
      typeof object === 'string'
        ? Buffer.from(object, 'latin1')
        : Buffer.concat([
            Buffer.from(`<< ${object.dictionary} /Length ${object.data.length} >>\nstream\n`, 'latin1'),
            object.data,
            Buffer.from('\nendstream'),
          ]);
    const chunk = Buffer.concat([Buffer.from(`${id} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length}`,
    '0000000000 65535 f ',
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}

/** Helvetica (a standard font, not embedded) as object 3 when passed first in `shared`. */
export const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** A page showing ASCII lines in Helvetica (object 3), one per line from the top. */
export function textPage(lines: string[]): PdfPage {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const ops = lines.map((line, i) => `BT /F1 12 Tf 72 ${780 - i * 16} Td (${escape(line)}) Tj ET`).join('\n');
  return { content: ops, resources: '<< /Font << /F1 3 0 R >> >>' };
}
