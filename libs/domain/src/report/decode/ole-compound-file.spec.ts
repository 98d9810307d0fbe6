import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isOleCompoundFile, openOleCompoundFile, OLE_LIMITS, OleStructureError } from './ole-compound-file';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/reports');
const DOC = readFileSync(join(FIXTURES, 'liuan-2023.doc'));

const SECTOR = 512;
const sectorOffset = (sector: number) => (sector + 1) * SECTOR;
/** The first FAT sector's number (header DIFAT[0]) and the directory's first sector. */
const firstFatSector = (bytes: Buffer) => bytes.readInt32LE(76);
const directoryStart = (bytes: Buffer) => bytes.readInt32LE(48);

function structureError(bytes: Uint8Array): OleStructureError {
  try {
    openOleCompoundFile(bytes);
  } catch (err) {
    if (err instanceof OleStructureError) return err;
    throw err;
  }
  throw new Error('expected openOleCompoundFile to refuse the file');
}

describe('openOleCompoundFile', () => {
  it('lists the root streams of a Word 97 document written by LibreOffice and reads one', () => {
    const ole = openOleCompoundFile(DOC);
    expect([...ole.rootStreams.keys()]).toEqual(expect.arrayContaining(['WordDocument', '1Table']));
    const fib = ole.readRootStream('WordDocument', 4) as Uint8Array;
    expect(Buffer.from(fib).readUInt16LE(0)).toBe(0xa5ec);
    expect(ole.readRootStream('Workbook')).toBeNull();
  });

  it('tells a compound file from other bytes by its 8-byte signature', () => {
    expect(isOleCompoundFile(DOC)).toBe(true);
    expect(isOleCompoundFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]))).toBe(false);
    expect(() => openOleCompoundFile(Buffer.from('PK\u0003\u0004'))).toThrow(OleStructureError);
  });

  it('refuses a directory chain that loops back on itself instead of following it for ever', () => {
    const looped = Buffer.from(DOC);
    const dir = directoryStart(looped);
    const fatAt = sectorOffset(firstFatSector(looped));
    looped.writeInt32LE(dir, fatAt + dir * 4);
    expect(structureError(looped).message).toContain('loops');
  });

  it('refuses a chain that points past the end of the file', () => {
    const outside = Buffer.from(DOC);
    outside.writeInt32LE(1_000_000, 48);
    expect(structureError(outside).message).toContain('outside');
  });

  it('refuses a header announcing more FAT sectors than the file has', () => {
    const absurd = Buffer.from(DOC);
    absurd.writeInt32LE(0x7fffffff, 44);
    expect(structureError(absurd).message).toContain('FAT size');
  });

  it('refuses sector sizes other than 512 and 4096 bytes before allocating anything', () => {
    const huge = Buffer.from(DOC);
    huge.writeUInt16LE(30, 30);
    expect(structureError(huge).message).toContain('sector shift');
  });

  it(`refuses a directory of more than ${OLE_LIMITS.maxDirectoryEntries} entries`, () => {
    // A directory chain of every sector of a big zero-filled file: 4 entries per sector.
    const sectors = OLE_LIMITS.maxDirectoryEntries / 4 + 32;
    const bytes = Buffer.alloc((sectors + 1) * SECTOR);
    DOC.copy(bytes, 0, 0, SECTOR);
    const fatSectors = Math.ceil((sectors * 4) / SECTOR);
    bytes.writeInt32LE(fatSectors, 44);
    bytes.writeInt32LE(0, 72);
    for (let i = 0; i < 109; i++) bytes.writeInt32LE(i < fatSectors ? i : -1, 76 + i * 4);
    bytes.writeInt32LE(fatSectors, 48);
    for (let s = 0; s < sectors; s++) {
      const next = s < fatSectors ? -3 : s + 1 < sectors ? s + 1 : -2;
      bytes.writeInt32LE(next, SECTOR + s * 4);
    }
    expect(structureError(bytes).message).toContain('directory entries');
  });

  it('answers any damaged copy of a real .doc with a structure error or a listing, never anything else', () => {
    fc.assert(
      fc.property(
        // Half the edits in the header, where the tables' positions and sizes are.
        fc.array(fc.tuple(fc.oneof(fc.nat(511), fc.nat(DOC.length - 1)), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (edits) => {
          const bytes = Buffer.from(DOC);
          for (const [at, value] of edits) bytes[at] = value;
          try {
            const ole = openOleCompoundFile(bytes);
            for (const name of ole.rootStreams.keys()) ole.readRootStream(name);
          } catch (err) {
            if (!(err instanceof OleStructureError)) throw err;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
