import { randomUUID } from 'node:crypto';
import { type Database, PgEvidenceStore } from '@rectify/persistence';
import { addOrganisation } from '../../support/admin-fixtures';
import { importReport } from '../../support/item-commands';
import { REMINDER_BACKENDS } from '../../support/reminder-repository-fixture';

const MB = 1024 * 1024;

describe.each(REMINDER_BACKENDS)('evidence files in the database on %s', (_name, open) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await open());
  });
  afterAll(() => close());

  const keys = async (): Promise<string[]> =>
    (await db.dataSource.query(`SELECT key::text AS key FROM evidence_file ORDER BY key`)).map(
      (r: { key: string }) => r.key,
    );

  it('reads back every byte of a staged file, up to the 20 MB limit; discard and remove delete it, twice harmlessly', async () => {
    const store = new PgEvidenceStore(db.dataSource);
    const big = Buffer.alloc(20 * MB, 0);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
    const staged = await store.stage(big);
    await staged.commit();
    expect((await store.read(staged.key))?.equals(big)).toBe(true);

    const small = await store.stage(new Uint8Array([0, 255, 1, 254]));
    expect(await store.read(small.key)).toEqual(Buffer.from([0, 255, 1, 254]));
    await small.discard();
    await small.discard();
    expect(await store.read(small.key)).toBeNull();

    await store.remove(staged.key);
    await store.remove(staged.key);
    expect(await store.read(staged.key)).toBeNull();
    expect(await store.read('not-a-key')).toBeNull();
    await store.remove('../not-a-key');
    expect(await keys()).toEqual([]);
  });

  it('removes, when a process first stages a file, files no evidence row has named for an hour; keeps younger or named ones', async () => {
    const [orphan, named, young] = [randomUUID(), randomUUID(), randomUUID()];
    await db.dataSource.query(
      `INSERT INTO evidence_file (key, bytes, created_at) VALUES
         ($1, '\\x01', now() - interval '2 hours'),
         ($2, '\\x02', now() - interval '2 hours'),
         ($3, '\\x03', now() - interval '10 minutes')`,
      [orphan, named, young],
    );
    const branch = await addOrganisation(db.dataSource, { name: `证据库党支部-${randomUUID().slice(0, 6)}` });
    const {
      itemIds: [itemId],
    } = await importReport(db.dataSource, {
      bytes: Buffer.from('2024年度党支部述职报告\n二、存在问题\n一是学习不够深入。\n'),
      fileName: 'r.txt',
      organisationName: branch.name,
    });
    await db.dataSource.query(
      `INSERT INTO evidence (item_id, text, file_name, mime_type, size_bytes, storage_key)
       VALUES ($1, '会议记录', 'a.pdf', 'application/pdf', 1, $2)`,
      [itemId, named],
    );

    const store = new PgEvidenceStore(db.dataSource);
    const fresh = await store.stage(Buffer.from('%PDF-1'));
    expect(await keys()).toEqual([fresh.key, named, young].sort());
    expect(await store.read(named)).toEqual(Buffer.from([2]));
  });
});
