import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile zip archives for tests, written byte by byte so that every size field is under the
 * test's control (JSZip and friends would refuse to write a lie). Nothing here inflates:
 * generating "400 MB of zeros, compressed" costs a few hundred KB of memory.
 */
export interface RawZipEntry {
  name: string;
  /** The entry's data as stored in the archive (already deflated when `method` is 8). */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** What the local header and central directory declare as the uncompressed size. */
  uncompressedSize: number;
}

const MiB = 1024 * 1024;

function localHeader(e: RawZipEntry, name: Buffer): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(e.crc >>> 0, 14);
  h.writeUInt32LE(e.data.length, 18);
  h.writeUInt32LE(e.uncompressedSize, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(e: RawZipEntry, name: Buffer, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.data.length, 20);
  h.writeUInt32LE(e.uncompressedSize, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

/** End records; with more than 65,535 entries the ZIP64 ones too, as real tools write them. */
function endRecords(count: number, cdOffset: number, cdSize: number): Buffer {
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  if (count <= 0xffff) return eocd;
  const zip64 = Buffer.alloc(56);
  zip64.writeUInt32LE(0x06064b50, 0);
  zip64.writeBigUInt64LE(44n, 4);
  zip64.writeUInt16LE(45, 12);
  zip64.writeUInt16LE(45, 14);
  zip64.writeBigUInt64LE(BigInt(count), 24);
  zip64.writeBigUInt64LE(BigInt(count), 32);
  zip64.writeBigUInt64LE(BigInt(cdSize), 40);
  zip64.writeBigUInt64LE(BigInt(cdOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([zip64, locator, eocd]);
}

/** A zip archive of exactly these entries, declared sizes as given. */
export function writeZip(entries: RawZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = localHeader(e, name);
    central.push(centralHeader(e, name, offset));
    parts.push(local, e.data);
    offset += local.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  return Buffer.concat([...parts, cd, endRecords(entries.length, offset, cd.length)]);
}

/** A deflated entry holding `text` (honest sizes). */
export function textEntry(name: string, text: string): RawZipEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), uncompressedSize: raw.length };
}

/**
 * `mib` MiB of zero bytes as one deflate stream, built from one compressed MiB repeated: each
 * copy ends on a full flush, so the copies chain, and `03 00` is the empty final block.
 */
export function deflatedZeros(mib: number): { data: Buffer; crc: number; size: number } {
  const zeros = Buffer.alloc(MiB);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(zeros, crc);
  const data = Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]);
  return { data, crc, size: mib * MiB };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The XML of a document.xml whose body is `body`. */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
}

/** A .docx (no relationships: mammoth falls back to word/document.xml) with extra entries. */
export function docxWith(document: RawZipEntry, ...extra: RawZipEntry[]): Buffer {
  return writeZip([textEntry('[Content_Types].xml', CONTENT_TYPES), document, ...extra]);
}

/** A .docx whose word/document.xml is `mib` MiB of zeros, declared honestly. */
export function zerosDocx(mib: number): Buffer {
  const zeros = deflatedZeros(mib);
  return docxWith({
    name: 'word/document.xml',
    data: zeros.data,
    method: 8,
    crc: zeros.crc,
    uncompressedSize: zeros.size,
  });
}

/** A .docx whose word/document.xml declares `declared` bytes but inflates to `mib` MiB of zeros. */
export function lyingDocx(mib: number, declared: number): Buffer {
  const zeros = deflatedZeros(mib);
  return docxWith({
    name: 'word/document.xml',
    data: zeros.data,
    method: 8,
    crc: zeros.crc,
    uncompressedSize: declared,
  });
}

/** A zip with `count` empty stored entries, the first of them word/document.xml; short names keep it under 10 MB. */
export function manyEntriesZip(count: number): Buffer {
  const empty = Buffer.alloc(0);
  return writeZip(
    Array.from({ length: count }, (_, i) => ({
      name: i === 0 ? 'word/document.xml' : i.toString(36),
      data: empty,
      method: 0 as const,
      crc: 0,
      uncompressedSize: 0,
    })),
  );
}

/**
 * A zip of zips `depth` levels deep, each level holding `width` copies of the level below
 * (stored), the innermost `innerMib` MiB of zeros: 42.zip in miniature.
 */
export function nestedZipBomb(depth: number, width: number, innerMib: number): Buffer {
  const zeros = deflatedZeros(innerMib);
  let level = writeZip([
    { name: 'zeros.bin', data: zeros.data, method: 8, crc: zeros.crc, uncompressedSize: zeros.size },
  ]);
  for (let d = 0; d < depth; d++) {
    const inner = level;
    level = writeZip(
      Array.from({ length: width }, (_, i) => ({
        name: `layer${d}-${i}.zip`,
        data: inner,
        method: 0 as const,
        crc: crc32(inner),
        uncompressedSize: inner.length,
      })),
    );
  }
  return level;
}
