import { readErrorOf } from './decode.fixtures';
import { randomBytes } from 'node:crypto';
import {
  documentXml,
  docxWith,
  lyingDocx,
  manyEntriesZip,
  nestedZipBomb,
  textEntry,
  zerosDocx,
} from '../../../../../test/support/zip-bombs';
import { decodeReport } from './decode-report';
import { DOCX_LIMITS } from './docx-limits';
import { DOCX_UNREADABLE_MESSAGE } from './report-read-error';

const readError = (bytes: Uint8Array) => readErrorOf(() => decodeReport(bytes, 'bomb.docx'));

const paragraphs = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `<w:p><w:r><w:t>${i}${randomBytes(6).toString('hex')}</w:t></w:r></w:p>`,
  ).join('');

const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  ['styles', 'numbering', 'footnotes', 'endnotes', 'comments']
    .map(
      (type, i) =>
        `<Relationship Id="r${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="document.xml"/>`,
    )
    .join('') +
  '</Relationships>';

// Building and refusing the larger archives takes a few seconds on a loaded machine.
jest.setTimeout(60_000);

describe('reading a .docx within bounds', () => {
  it('refuses a .docx whose document.xml unpacks to 400 MB of zeros, as too large, with a Chinese message', async () => {
    const bomb = zerosDocx(400);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const err = await readError(bomb);
    expect(err.code).toBe('DOCX_LIMIT_EXCEEDED');
    expect(err.message).toContain('Word 文档超出读取限制');
    expect(err.message).toContain('64 MB');
  });

  it('decides from the central directory alone: a bomb whose compressed bytes are garbage is refused as too large, not as corrupt', async () => {
    const err = await readError(
      docxWith({
        name: 'word/document.xml',
        data: randomBytes(4096),
        method: 8,
        crc: 0,
        uncompressedSize: 400 * 1024 * 1024,
      }),
    );
    expect(err.code).toBe('DOCX_LIMIT_EXCEEDED');
  });

  it('refuses a part whose compression ratio is far beyond any document, before inflating it', async () => {
    const err = await readError(zerosDocx(20));
    expect(err.code).toBe('DOCX_LIMIT_EXCEEDED');
    expect(err.message).toContain('压缩比异常');
  });

  it('refuses a zip with 100,000 entries, naming the count and the limit', async () => {
    const err = await readError(manyEntriesZip(100_000));
    expect(err.code).toBe('DOCX_LIMIT_EXCEEDED');
    expect(err.message).toContain('100000');
    expect(err.message).toContain(String(DOCX_LIMITS.maxEntries));
  });

  it('stops inflating a part at the size its directory entry declares when that size is a lie', async () => {
    const err = await readError(lyingDocx(200, 1000));
    expect(err.code).toBe('DOCX_LIMIT_EXCEEDED');
    expect(err.message).toContain('目录记录');
  });

  it('refuses a document.xml with more XML elements than the budget before parsing it', async () => {
    const xml = documentXml(paragraphs(Math.ceil(DOCX_LIMITS.maxXmlElements / 3) + 10));
    const err = await readError(docxWith(textEntry('word/document.xml', xml)));
    expect(err.code).toBe('DOCX_LIMIT_EXCEEDED');
    expect(err.message).toContain('XML 元素');
  });

  it('counts a part once per read, so relationships that point every part at one large document cannot multiply the work', async () => {
    // The reader follows two relationships (styles, numbering): each read of a document half
    // the budget in size is allowed alone, and two reads of it are not.
    const count = Math.ceil(DOCX_LIMITS.maxXmlElements / 3 / 2);
    const document = textEntry('word/document.xml', documentXml(paragraphs(count)));
    const alone = await decodeReport(docxWith(document), 'ok.docx');
    expect(alone.text.split('\n').filter(Boolean)).toHaveLength(count);
    const err = await readError(docxWith(document, textEntry('word/_rels/document.xml.rels', RELS)));
    expect(err.code).toBe('DOCX_LIMIT_EXCEEDED');
  });

  it('refuses XML nested deeper than the limit instead of overflowing the stack', async () => {
    const depth = DOCX_LIMITS.maxXmlDepth + 10;
    const body = '<w:sdt><w:sdtContent>'.repeat(depth) + '</w:sdtContent></w:sdt>'.repeat(depth);
    const err = await readError(docxWith(textEntry('word/document.xml', documentXml(body))));
    expect(err.code).toBe('DOCX_LIMIT_EXCEEDED');
    expect(err.message).toContain('嵌套过深');
  });

  it('refuses a document type declaration, which Word documents never have and entity bombs need', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' +
      documentXml('<w:p><w:r><w:t>&b;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*\?>/, '');
    const err = await readError(docxWith(textEntry('word/document.xml', xml)));
    expect(err.code).toBe('DOCX_UNREADABLE');
    expect(err.message).toContain('DTD');
  });

  it("answers an XML parser's failure with a fixed Chinese message that names no parser internals", async () => {
    const xml = documentXml('<w:p><w:r><w:t>&nbsp;正文</w:t></w:r></w:p>');
    const err = await readError(docxWith(textEntry('word/document.xml', xml)));
    expect(err.code).toBe('DOCX_UNREADABLE');
    expect(err.message).toBe(DOCX_UNREADABLE_MESSAGE);
    expect(err.message).toContain('文件无法作为Word文档读取');
    expect(err.message).not.toMatch(/xmldom|entity|error/i);
  });

  it('reads the text of a .docx that carries a nested zip bomb as an embedded file, without unpacking it', async () => {
    const nested = nestedZipBomb(2, 8, 50);
    const decoded = await decodeReport(
      docxWith(textEntry('word/document.xml', documentXml('<w:p><w:r><w:t>二、存在问题</w:t></w:r></w:p>')), {
        name: 'word/embeddings/package.zip',
        data: nested,
        method: 0,
        crc: 0,
        uncompressedSize: nested.length,
      }),
      'embedded.docx',
    );
    expect(decoded.text.trim()).toBe('二、存在问题');
  });

  it('refuses a zip of zips that holds no Word document as an unsupported type', async () => {
    const err = await readError(nestedZipBomb(2, 4, 10));
    expect(err.code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('refuses an entry that inflates to fewer bytes than declared as unreadable', async () => {
    const document = textEntry('word/document.xml', documentXml('<w:p><w:r><w:t>正文</w:t></w:r></w:p>'));
    const err = await readError(docxWith({ ...document, uncompressedSize: document.uncompressedSize + 10 }));
    expect(err.code).toBe('DOCX_UNREADABLE');
    expect(err.message).toBe(DOCX_UNREADABLE_MESSAGE);
  });
});
