import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { readBackupArchive, writeBackupArchive } from './backup-archive';
import { assertSameSchema } from './schema-match';

const KEY = '0f8fad5b-d9cb-469f-a165-70867728950e';
const snapshot = {
  migrations: ['InitialSchema1', 'Later2'],
  tables: { organisation: '[{"id":"a","name":"青山村党支部"}]', evidence: '[]' },
  counts: { organisation: 1, evidence: 0 },
  evidenceKeys: [KEY, '1f8fad5b-d9cb-469f-a165-70867728950e'],
};

describe('backup archive', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rectify-archive-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what it wrote, listing the evidence files it could not find', async () => {
    const file = join(dir, 'b.zip');
    const manifest = await writeBackupArchive(
      file,
      snapshot,
      async (key) => (key === KEY ? Buffer.from([1, 2, 3]) : null),
      '9.9.9',
    );
    expect(manifest.evidence).toEqual({
      files: 1,
      bytes: 3,
      missing: ['1f8fad5b-d9cb-469f-a165-70867728950e'],
    });
    const read = await readBackupArchive(file);
    expect(read.manifest).toEqual(manifest);
    expect(read.snapshot).toEqual({ ...snapshot, evidenceKeys: [KEY] });
    expect(read.evidence).toEqual(new Map([[KEY, Buffer.from([1, 2, 3])]]));
  });

  it('refuses an archive a newer program wrote, one that lost a table, and a file name that is no key', async () => {
    const file = join(dir, 'b.zip');
    await writeBackupArchive(file, snapshot, async () => Buffer.from('x'), '9.9.9');
    const rewrite = async (change: (zip: JSZip) => void) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      change(zip);
      const copy = join(dir, `c${Math.random()}.zip`);
      writeFileSync(copy, await zip.generateAsync({ type: 'nodebuffer' }));
      return readBackupArchive(copy);
    };
    await expect(
      rewrite((zip) =>
        zip.file(
          'manifest.json',
          JSON.stringify({
            format: 'rectify-backup',
            formatVersion: 2,
            migrations: [],
            counts: {},
            evidence: { files: 0 },
          }),
        ),
      ),
    ).rejects.toMatchObject({ code: 'BACKUP_NEWER_FORMAT' });
    await expect(rewrite((zip) => zip.remove('tables/organisation.json'))).rejects.toMatchObject({
      code: 'BACKUP_CORRUPT',
      message: expect.stringContaining('缺少数据表 organisation'),
    });
    await expect(rewrite((zip) => zip.file('evidence/passwd', 'x'))).rejects.toMatchObject({
      code: 'BACKUP_CORRUPT',
    });
    await expect(readBackupArchive(join(dir, 'none.zip'))).rejects.toMatchObject({
      code: 'BACKUP_NOT_FOUND',
    });
  });

  it('accepts only a backup of exactly this schema, telling newer from older', () => {
    expect(() => assertSameSchema(['A1', 'B2'], ['A1', 'B2'])).not.toThrow();
    expect(() => assertSameSchema(['A1', 'B2', 'C3'], ['A1', 'B2'])).toThrow(
      expect.objectContaining({ code: 'BACKUP_NEWER_SCHEMA' }),
    );
    expect(() => assertSameSchema(['A1', 'X2'], ['A1', 'B2'])).toThrow(
      expect.objectContaining({ code: 'BACKUP_NEWER_SCHEMA' }),
    );
    expect(() => assertSameSchema(['A1'], ['A1', 'B2'])).toThrow(
      expect.objectContaining({ code: 'BACKUP_OLDER_SCHEMA' }),
    );
  });
});
