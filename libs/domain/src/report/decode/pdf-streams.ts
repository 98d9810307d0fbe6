import { createInflate } from 'node:zlib';

/**
 * Bounds on what a PDF's compressed streams unpack to, checked before pdf.js reads the file:
 * pdf.js holds a whole decoded stream in memory (outside the JavaScript heap, where a worker's
 * heap limit does not reach), so one deflate bomb of 10 MiB could ask for 10 GB.
 */
export const PDF_STREAM_LIMITS = {
  /** Unpacked bytes of one Flate stream (a page's content is a few hundred KB; a scanned page image a few MB). */
  maxStreamBytes: 128 * 1024 * 1024,
  /** Unpacked bytes of all Flate streams together. */
  maxTotalBytes: 1024 * 1024 * 1024,
  /** Flate streams (a report has a few hundred; each costs a zlib instance to count). */
  maxStreams: 50_000,
} as const;

/** Why a PDF's streams are refused before reading: too large unpacked, or a filter not checked. */
export type PdfStreamProblem = 'too_large' | 'unchecked_filter';

const latin1 = new TextDecoder('latin1');

/**
 * Unpacks (without keeping) every Flate-compressed stream of a PDF, counting bytes, and looks
 * for LZW and RunLength streams, whose unpacked size cannot be counted here (they are rare
 * since the 1990s; LibreOffice, Word and WPS write Flate). Returns the first problem or null.
 * Streams are found by their `stream` keyword and the dictionary before it (streams are never
 * inside object streams). The streams of an encrypted PDF that opens without a password cannot be
 * unpacked here and count as nothing: for those only the worker's time limit bounds pdf.js.
 * Time: linear in the unpacked bytes, bounded by `maxTotalBytes`; memory: one zlib chunk.
 */
export async function checkPdfStreams(bytes: Uint8Array): Promise<PdfStreamProblem | null> {
  const text = latin1.decode(bytes);
  let total = 0;
  let streams = 0;
  const keyword = /(?:^|[^a-z])stream\r?\n/g;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    const before = text.slice(Math.max(match.index - 4096, 0), match.index);
    const dictionary = before.slice(Math.max(before.lastIndexOf('obj'), 0));
    if (/\/(?:LZWDecode|LZW|RunLengthDecode|RL)\b/.test(dictionary)) return 'unchecked_filter';
    if (!/\/(?:FlateDecode|Fl)\b/.test(dictionary)) continue;
    if (++streams > PDF_STREAM_LIMITS.maxStreams) return 'too_large';
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const data = bytes.subarray(start, end === -1 ? bytes.length : end);
    const size = await inflatedSize(data, PDF_STREAM_LIMITS.maxStreamBytes + 1);
    if (size > PDF_STREAM_LIMITS.maxStreamBytes) return 'too_large';
    total += size;
    if (total > PDF_STREAM_LIMITS.maxTotalBytes) return 'too_large';
    keyword.lastIndex = end === -1 ? text.length : end;
  }
  return null;
}

/** Bytes the zlib data unpacks to, stopping once past `stopAt`; a damaged stream counts what came out. */
function inflatedSize(data: Uint8Array, stopAt: number): Promise<number> {
  return new Promise((resolve) => {
    let size = 0;
    const inflate = createInflate();
    const done = () => {
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(size);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > stopAt) done();
    });
    inflate.on('end', done);
    inflate.on('error', done);
    inflate.end(data);
  });
}
