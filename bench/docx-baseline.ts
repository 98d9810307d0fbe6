import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';

/**
 * The least any reader must do with a .docx before it has the text: find word/document.xml in
 * the zip, inflate it, parse the XML with a conforming parser and keep the characters of its
 * w:t elements, one line per paragraph. Same zip library (yauzl) and XML parser (saxes) as the
 * product, without its limits, styles, numbering, tables or text boxes.
 */
export async function unzipAndParse(bytes: Uint8Array): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    lazyEntries: true,
  });
  const xml = await new Promise<Buffer>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== 'word/document.xml') return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        stream.on('error', reject);
      });
    });
    zip.on('end', () => reject(new Error('no word/document.xml')));
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  const lines: string[] = [];
  let line = '';
  let inText = false;
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    inText = tag.name === 'w:t';
  });
  parser.on('closetag', (tag) => {
    inText = false;
    if (tag.name === 'w:p') {
      lines.push(line);
      line = '';
    }
  });
  parser.on('text', (text) => {
    if (inText) line += text;
  });
  parser.write(xml.toString('utf8')).close();
  return lines;
}
