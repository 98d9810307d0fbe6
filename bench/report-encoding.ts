import iconv from 'iconv-lite';

/** How a corpus report is stored on disk, as offices save them: UTF-8 (Notepad adds a BOM), GBK, UTF-16. */
export type CorpusEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le-bom';

/** The WHATWG label that decodes each stored form; TextDecoder drops a leading BOM by itself. */
export const DECODER_LABELS: Readonly<Record<CorpusEncoding, string>> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  gb18030: 'gb18030',
  'utf-16le-bom': 'utf-16le',
};

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

function withBom(bom: readonly number[], body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(bom.length + body.length);
  bytes.set(bom, 0);
  bytes.set(body, bom.length);
  return bytes;
}

export function encodeReportText(text: string, encoding: CorpusEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return withBom(UTF8_BOM, new TextEncoder().encode(text));
    case 'gb18030':
      // Copy out of the Buffer so every report is a plain Uint8Array, as an upload would be.
      return new Uint8Array(iconv.encode(text, 'gb18030'));
    case 'utf-16le-bom':
      return withBom(UTF16LE_BOM, iconv.encode(text, 'utf-16le'));
  }
}

/** Bytes per character of Chinese prose, to aim a report at a size before it is encoded. */
export function approximateBytesPerChar(encoding: CorpusEncoding): number {
  return encoding === 'utf-8' || encoding === 'utf-8-bom' ? 2.9 : 2;
}
