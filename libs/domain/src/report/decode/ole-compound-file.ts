/**
 * A bounded reader of OLE compound files (MS-CFB: .doc, .wps, .xls, and Office files encrypted
 * with a password, which are compound files holding an `EncryptedPackage`), written to check a
 * file's structure before a library walks it: word-extractor follows sector chains and directory
 * links without cycle checks, so a crafted file could make it loop until memory runs out.
 *
 * Checked here, in time and memory linear in the file's size:
 * - the header: signature, byte order, sector size 512 (version 3) or 4096 (version 4), mini
 *   sectors of 64 bytes, mini stream cutoff 4096, table sizes within the file;
 * - every sector chain it follows (DIFAT, FAT, directory, mini FAT, mini stream, each root-level
 *   stream): sector numbers inside the file, no cycles, no chain longer than the file has sectors;
 * - the directory: at most `OLE_LIMITS.maxDirectoryEntries` entries, a root entry, a tree in
 *   which every entry is reached at most once (no cycles) and every link points at an entry,
 *   stream sizes no larger than the file.
 */

/** Bounds of `openOleCompoundFile`; a report has about ten directory entries. */
export const OLE_LIMITS = {
  /** Directory entries (streams and storages, 128 bytes each); embedded objects add a few each. */
  maxDirectoryEntries: 4096,
} as const;

/** The 8-byte signature every compound file starts with. */
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = -2;
const NO_STREAM = -1;
const HEADER_DIFAT_ENTRIES = 109;
const MINI_SECTOR_SIZE = 64;
const MINI_STREAM_CUTOFF = 4096;
const ENTRY_SIZE = 128;

/** The compound file's structure is broken or absurd; `message` says which part (for logs). */
export class OleStructureError extends Error {
  constructor(message: string) {
    super(`OLE compound file: ${message}`);
    this.name = 'OleStructureError';
  }
}

/** True when the bytes start with the compound file signature (D0 CF 11 E0 A1 B1 1A E1). */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** One stream of the root storage. */
export interface OleStream {
  name: string;
  /** Bytes. */
  size: number;
  /** Byte offset in the file of each piece of the stream, in order, and the piece size. */
  readonly pieces: { offset: number; length: number }[];
}

/** A compound file whose structure passed the checks above. */
export interface OleCompoundFile {
  /** The streams of the root storage by name (WordDocument, 1Table, Workbook, EncryptedPackage …). */
  rootStreams: ReadonlyMap<string, OleStream>;
  /** The first `maxBytes` bytes (default: all) of a root stream; null when there is no such stream. */
  readRootStream(name: string, maxBytes?: number): Uint8Array | null;
}

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/**
 * Checks a compound file's structure and lists its root streams. Throws OleStructureError when
 * the file is not a compound file or its structure is broken or beyond `OLE_LIMITS`.
 */
export function openOleCompoundFile(bytes: Uint8Array): OleCompoundFile {
  if (!isOleCompoundFile(bytes) || bytes.length < 512) throw new OleStructureError('no signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const i32 = (at: number) => view.getInt32(at, true);
  if (u16(28) !== 0xfffe) throw new OleStructureError('byte order mark');
  const major = u16(26);
  const shift = u16(30);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) {
    throw new OleStructureError(`version ${major} with sector shift ${shift}`);
  }
  if (u16(32) !== 6 || view.getUint32(56, true) !== MINI_STREAM_CUTOFF) {
    throw new OleStructureError('mini sector size or cutoff');
  }
  const sectorSize = 1 << shift;
  // Writers may leave the last sector short; its missing bytes read as zeros.
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  const int32At = (sector: number, index: number) => {
    const at = offsetOf(sector) + index * 4;
    return at + 4 <= bytes.length ? i32(at) : 0;
  };
  const checkSector = (sector: number, what: string) => {
    if (!Number.isInteger(sector) || sector < 0 || sector >= sectorCount) {
      throw new OleStructureError(`${what} points outside the file (sector ${sector})`);
    }
  };

  const fatSectorCount = i32(44);
  const difatSectorCount = i32(72);
  if (fatSectorCount < 0 || fatSectorCount > sectorCount || difatSectorCount < 0) {
    throw new OleStructureError('FAT size');
  }
  if (difatSectorCount > sectorCount) throw new OleStructureError('DIFAT size');

  // DIFAT: where the FAT's own sectors are.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(i32(76 + i * 4));
  }
  const perDifatSector = sectorSize / 4 - 1;
  const seenDifat = new Set<number>();
  let difat = i32(68);
  for (let n = 0; n < difatSectorCount && fatSectors.length < fatSectorCount; n++) {
    checkSector(difat, 'DIFAT');
    if (seenDifat.has(difat)) throw new OleStructureError('DIFAT chain loops');
    seenDifat.add(difat);
    for (let i = 0; i < perDifatSector && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(int32At(difat, i));
    }
    difat = int32At(difat, perDifatSector);
  }
  if (fatSectors.length < fatSectorCount) throw new OleStructureError('DIFAT shorter than the FAT');
  const fat = new Int32Array(fatSectorCount * (sectorSize / 4));
  fatSectors.forEach((sector, n) => {
    checkSector(sector, 'FAT');
    for (let i = 0; i < sectorSize / 4; i++) fat[n * (sectorSize / 4) + i] = int32At(sector, i);
  });

  /** A chain of the FAT (or of the mini FAT), checked for range and cycles. */
  const follow = (table: Int32Array, start: number, limit: number, what: string): number[] => {
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = table[s]) {
      if (!Number.isInteger(s) || s < 0 || s >= limit || s >= table.length) {
        throw new OleStructureError(`${what} chain points outside (sector ${s})`);
      }
      if (seen.has(s)) throw new OleStructureError(`${what} chain loops`);
      seen.add(s);
      chain.push(s);
    }
    return chain;
  };

  const directorySectors = follow(fat, i32(48), sectorCount, 'directory');
  const entryCount = (directorySectors.length * sectorSize) / ENTRY_SIZE;
  if (entryCount === 0) throw new OleStructureError('empty directory');
  if (entryCount > OLE_LIMITS.maxDirectoryEntries) {
    throw new OleStructureError(`${entryCount} directory entries`);
  }
  const entries: DirectoryEntry[] = [];
  for (const sector of directorySectors) {
    for (let k = 0; k < sectorSize / ENTRY_SIZE; k++) {
      const at = offsetOf(sector) + k * ENTRY_SIZE;
      if (at + ENTRY_SIZE > bytes.length) throw new OleStructureError('directory beyond the end');
      const nameBytes = Math.min(Math.max(u16(at + 64) - 2, 0), 62);
      const sizeHigh = view.getUint32(at + 124, true);
      entries.push({
        name: new TextDecoder('utf-16le').decode(bytes.subarray(at, at + nameBytes)),
        type: bytes[at + 66],
        left: i32(at + 68),
        right: i32(at + 72),
        child: i32(at + 76),
        start: i32(at + 116),
        // Version 3 files may leave garbage in the high half of the size.
        size: view.getUint32(at + 120, true) + (major === 4 ? sizeHigh * 2 ** 32 : 0),
      });
    }
  }
  const root = entries[0];
  if (root.type !== 5) throw new OleStructureError('no root entry');

  // Each entry may be reached once, from the root down: a second visit means a loop.
  const reached = new Set<number>([0]);
  const rootLevel: DirectoryEntry[] = [];
  const walk = (first: number, atRoot: boolean) => {
    const pending = first === NO_STREAM ? [] : [first];
    while (pending.length > 0) {
      const id = pending.pop() as number;
      if (id < 0 || id >= entries.length) throw new OleStructureError(`directory link ${id}`);
      if (reached.has(id)) throw new OleStructureError('directory tree loops');
      reached.add(id);
      const entry = entries[id];
      if (atRoot) rootLevel.push(entry);
      if (entry.left !== NO_STREAM) pending.push(entry.left);
      if (entry.right !== NO_STREAM) pending.push(entry.right);
      if (entry.type === 1 && entry.child !== NO_STREAM) walk(entry.child, false);
    }
  };
  walk(root.child, true);

  const miniFatSectors = i32(64);
  const miniFatChain = miniFatSectors > 0 ? follow(fat, i32(60), sectorCount, 'mini FAT') : ([] as number[]);
  if (miniFatChain.length !== Math.max(miniFatSectors, 0)) {
    throw new OleStructureError('mini FAT length');
  }
  const miniFat = new Int32Array(miniFatChain.length * (sectorSize / 4));
  miniFatChain.forEach((sector, n) => {
    for (let i = 0; i < sectorSize / 4; i++) miniFat[n * (sectorSize / 4) + i] = int32At(sector, i);
  });
  if (root.size > bytes.length) throw new OleStructureError('mini stream size');
  const miniStreamSectors = root.size > 0 ? follow(fat, root.start, sectorCount, 'mini stream') : [];

  const streams = new Map<string, OleStream>();
  for (const entry of rootLevel) {
    if (entry.type !== 2) continue;
    if (entry.size > bytes.length) throw new OleStructureError(`stream ${entry.name} size`);
    const pieces: { offset: number; length: number }[] = [];
    if (entry.size >= MINI_STREAM_CUTOFF) {
      for (const sector of follow(fat, entry.start, sectorCount, entry.name)) {
        pieces.push({ offset: offsetOf(sector), length: sectorSize });
      }
    } else if (entry.size > 0) {
      const perSector = sectorSize / MINI_SECTOR_SIZE;
      const limit = miniStreamSectors.length * perSector;
      for (const mini of follow(miniFat, entry.start, limit, entry.name)) {
        const host = miniStreamSectors[Math.floor(mini / perSector)];
        pieces.push({
          offset: offsetOf(host) + (mini % perSector) * MINI_SECTOR_SIZE,
          length: MINI_SECTOR_SIZE,
        });
      }
    }
    streams.set(entry.name, { name: entry.name, size: entry.size, pieces });
  }

  return {
    rootStreams: streams,
    readRootStream(name, maxBytes = Number.POSITIVE_INFINITY) {
      const stream = streams.get(name);
      if (!stream) return null;
      const out = new Uint8Array(Math.min(stream.size, maxBytes));
      let filled = 0;
      for (const piece of stream.pieces) {
        if (filled >= out.length) break;
        const chunk = bytes.subarray(
          piece.offset,
          piece.offset + Math.min(piece.length, out.length - filled),
        );
        out.set(chunk, filled);
        filled += chunk.length;
      }
      return out;
    },
  };
}
