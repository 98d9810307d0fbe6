import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase } from '../support/test-database';
import { importReport } from '../support/item-commands';
import { addOrganisation, addUser } from '../support/admin-fixtures';
import { binaryParser } from '../support/binary-response';

const MB = 1024 * 1024;
const png = (n = 64) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(n, 7)]);

interface HistoryLine {
  event: string;
  payload: Record<string, unknown>;
}

// Evidence files through the HTTP API against a database of their own on the real PostgreSQL
// server, in each evidence store (EVIDENCE_STORE: on disk, in the database): what is refused and
// why, that a file never outlives a failed insert, per-item limits, the bytes handed back
// unchanged, and withdrawing a wrong file before sign-off with a line in the history.
describe.each(['disk', 'database'] as const)('evidence files (EVIDENCE_STORE=%s)', (evidenceStore) => {
  const tag = randomUUID().slice(0, 6);
  const password = 'evidence-test-1';
  let database: { url: string; drop: () => Promise<void> };
  let evidenceDir: string;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  let branchName: string;
  let reportNo = 0;

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const upload = (who: string, itemId: string, file: Buffer, name: string, text?: string) => {
    const req = request(http).post(`/api/items/${itemId}/evidence`).set(as(who));
    if (text !== undefined) req.field('text', text);
    return req.attach('file', file, name);
  };
  const remove = (who: string, itemId: string, evidenceId: string) =>
    request(http).delete(`/api/items/${itemId}/evidence/${evidenceId}`).set(as(who));
  const item = async (itemId: string) =>
    (await request(http).get(`/api/items/${itemId}`).set(as('admin')).expect(200)).body as {
      version: number;
      evidence: { id: string; fileName: string | null; createdBy: string | null }[];
      history: HistoryLine[];
    };
  /**
   * Committed files and staged ones in the store: nothing may be left in either after a refusal.
   * (The database store has no staged state of its own: a staged file is a row already.)
   */
  const storedFiles = async () => {
    if (evidenceStore === 'database') {
      const rows: { key: string }[] = await db.query(
        `SELECT key::text AS key FROM evidence_file ORDER BY key`,
      );
      return { committed: rows.map((r) => r.key), staged: [] as string[] };
    }
    return {
      committed: readdirSync(evidenceDir).filter((n) => !n.startsWith('.')),
      staged: existsSync(join(evidenceDir, '.incoming')) ? readdirSync(join(evidenceDir, '.incoming')) : [],
    };
  };
  /** A fresh item of the branch, so each test starts from an empty evidence list. */
  const newItem = async () => {
    reportNo += 1;
    const text = `2023年度党支部述职报告 ${tag}-${reportNo}\n二、存在问题\n一是学习不够深入。\n`;
    const imported = await importReport(db, {
      bytes: Buffer.from(text),
      fileName: `r${reportNo}.txt`,
      organisationName: branchName,
    });
    return imported.itemIds[0];
  };
  /** An event with the version the item has now (uploads and deletions raise it too). */
  const transition = async (who: string, itemId: string, event: string, payload: object = {}) =>
    request(http)
      .post(`/api/items/${itemId}/transitions`)
      .set(as(who))
      .send({ event, payload, expectedVersion: (await item(itemId)).version })
      .expect(200);

  beforeAll(async () => {
    database = await createTestDatabase();
    evidenceDir = mkdtempSync(join(tmpdir(), 'rectify-evidence-'));
    app = await createApiApp(
      readApiConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        EVIDENCE_STORE: evidenceStore,
        EVIDENCE_DIR: evidenceDir,
      }),
    );
    await app.init();
    http = app.getHttpServer();
    db = app.get(DataSource);
    const town = await addOrganisation(db, { name: `镇党委${tag}` });
    const branch = await addOrganisation(db, { name: `村党支部${tag}`, parentName: town.name });
    branchName = branch.name;
    const users = [
      ['sec', branch.name, 'secretary'],
      ['sec2', branch.name, 'secretary'],
      ['sup', town.name, 'supervisor'],
      ['admin', town.name, 'admin'],
    ] as const;
    for (const [who, org, role] of users) {
      await addUser(db, { username: `${who}-${tag}`, organisationName: org, role, password });
      tokens[who] = (
        await request(http)
          .post('/api/auth/login')
          .send({ username: `${who}-${tag}`, password })
          .expect(200)
      ).body.accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('records every upload in the item history with its file name, and raises the item version', async () => {
    const itemId = await newItem();
    const before = await item(itemId);
    const up = await upload('sec', itemId, png(), '会议照片.png', '支委会照片').expect(201);
    expect(up.body).toEqual(
      expect.objectContaining({
        fileName: '会议照片.png',
        mimeType: 'image/png',
        version: before.version + 1,
      }),
    );
    const after = await item(itemId);
    expect(after.version).toBe(before.version + 1);
    expect(after.history.at(-1)).toEqual(
      expect.objectContaining({
        event: 'ATTACH_EVIDENCE',
        payload: expect.objectContaining({
          evidenceId: up.body.id,
          fileName: '会议照片.png',
          text: '支委会照片',
        }),
      }),
    );
    expect(after.evidence).toEqual([expect.objectContaining({ id: up.body.id, fileName: '会议照片.png' })]);
  });

  it('refuses an empty file with 422 and a Chinese message, keeping nothing in the store', async () => {
    const itemId = await newItem();
    const disk = await storedFiles();
    const res = await upload('sec', itemId, Buffer.alloc(0), '空文件.pdf').expect(422);
    expect(res.body).toEqual(
      expect.objectContaining({ code: 'EVIDENCE_EMPTY', message: expect.stringContaining('空的') }),
    );
    expect(await storedFiles()).toEqual(disk);
    expect((await item(itemId)).evidence).toEqual([]);
  });

  it('names the 20 MB evidence limit, not the report limit, for a file one byte larger', async () => {
    const itemId = await newItem();
    const res = await upload('sec', itemId, Buffer.alloc(20 * MB + 1, 0x41), 'big.txt').expect(413);
    expect(res.body.code).toBe('EVIDENCE_TOO_LARGE');
    expect(res.body.message).toContain('20 MB');
    expect(res.body.message).not.toContain('10 MB');
    expect(res.body.message).not.toContain('报告');
  });

  it('says how to upload when a form carries two files or a file under another field name', async () => {
    const itemId = await newItem();
    const two = await request(http)
      .post(`/api/items/${itemId}/evidence`)
      .set(as('sec'))
      .attach('file', Buffer.from('一'), 'a.txt')
      .attach('file', Buffer.from('二'), 'b.txt')
      .expect(400);
    const elsewhere = await request(http)
      .post(`/api/items/${itemId}/evidence`)
      .set(as('sec'))
      .attach('attachment', Buffer.from('三'), 'c.txt')
      .expect(400);
    expect(two.body.code).toBe('TOO_MANY_FILES');
    expect(elsewhere.body.code).toBe('UNEXPECTED_FILE_FIELD');
    for (const res of [two, elsewhere]) expect(res.body.message).toContain('表单字段 file');
  });

  it('accepts a file of exactly 20 MB and hands every byte of it back', async () => {
    const itemId = await newItem();
    const bytes = Buffer.alloc(20 * MB, 0x41);
    for (let i = 0; i < bytes.length; i += 997) bytes[i] = 0x30 + (i % 10);
    const res = await upload('sec', itemId, bytes, 'exact.txt').expect(201);
    expect(res.body.sizeBytes).toBe(20 * MB);
    const download = await request(http)
      .get(`/api/items/${itemId}/evidence/${res.body.id}`)
      .set(as('sup'))
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    expect(download.headers['content-type']).toMatch(/^text\/plain/);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
  });

  it('leaves no file behind when the evidence row cannot be inserted', async () => {
    const itemId = await newItem();
    const disk = await storedFiles();
    const versionBefore = (await item(itemId)).version;
    // The database refuses this one row, after the file has been written.
    await db.query(
      `ALTER TABLE evidence ADD CONSTRAINT test_refuses_row CHECK (file_name IS DISTINCT FROM 'refused-${tag}.png')`,
    );
    try {
      const res = await upload('sec', itemId, png(), `refused-${tag}.png`);
      expect(res.status).toBe(500);
    } finally {
      await db.query(`ALTER TABLE evidence DROP CONSTRAINT test_refuses_row`);
    }
    expect(await storedFiles()).toEqual(disk);
    const after = await item(itemId);
    expect(after.evidence).toEqual([]);
    expect(after.version).toBe(versionBefore);
    expect(after.history.map((h) => h.event)).not.toContain('ATTACH_EVIDENCE');
  });

  it('leaves no file behind when the transaction fails at commit, after the file was moved into place', async () => {
    const itemId = await newItem();
    const disk = await storedFiles();
    // A deferred check runs at COMMIT, after the use case has renamed the staged file.
    await db.query(`
      CREATE FUNCTION test_refuse_at_commit() RETURNS trigger AS $$
      BEGIN
        IF NEW.file_name = 'late-${tag}.png' THEN RAISE EXCEPTION 'refused at commit'; END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER INSERT ON evidence
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_at_commit()`);
    try {
      expect((await upload('sec', itemId, png(), `late-${tag}.png`)).status).toBe(500);
    } finally {
      await db.query(`DROP TRIGGER test_refuse_at_commit ON evidence`);
      await db.query(`DROP FUNCTION test_refuse_at_commit()`);
    }
    expect(await storedFiles()).toEqual(disk);
    const after = await item(itemId);
    expect(after.evidence).toEqual([]);
    expect(after.history.map((h) => h.event)).not.toContain('ATTACH_EVIDENCE');
  });

  it('refuses the 51st file of an item with a message naming the 50-file limit, and takes one again after a deletion', async () => {
    const itemId = await newItem();
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push((await upload('sec', itemId, png(8), `p${i}.png`).expect(201)).body.id);
    const disk = await storedFiles();
    const res = await upload('sec', itemId, png(8), 'p50.png').expect(422);
    expect(res.body.code).toBe('EVIDENCE_LIMIT_REACHED');
    expect(res.body.message).toContain('50 个');
    expect(await storedFiles()).toEqual(disk);
    await remove('sec', itemId, ids[0]).expect(200);
    await upload('sec', itemId, png(8), 'p50.png').expect(201);
  }, 60_000);

  it('refuses a file that would take the item past 200 MB in total, naming the limit', async () => {
    const itemId = await newItem();
    // 200 MB already held, minus 100 bytes: the rows of earlier uploads, without writing 200 MB.
    await db.query(
      `INSERT INTO evidence (item_id, text, file_name, mime_type, size_bytes, storage_key, created_by)
       SELECT $1, 'old', 'old' || n || '.pdf', 'application/pdf', $2, gen_random_uuid()::text, NULL
         FROM generate_series(1, 10) AS n`,
      [itemId, 20 * MB - 10],
    );
    const disk = await storedFiles();
    const res = await upload('sec', itemId, png(93), 'one-too-many.png').expect(422);
    expect(res.body.code).toBe('EVIDENCE_LIMIT_REACHED');
    expect(res.body.message).toContain('200 MB');
    expect(await storedFiles()).toEqual(disk);
    await upload('sec', itemId, png(92), 'just-fits.png').expect(201);
  });

  it('lets the uploader delete a wrong file before sign-off, with a history line, the file gone from the store', async () => {
    const itemId = await newItem();
    const up = await upload('sec', itemId, png(), '错误文件.png').expect(201);
    expect((await storedFiles()).committed).toContain(await storageKey(up.body.id));
    const res = await remove('sec', itemId, up.body.id).expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        itemId,
        evidenceId: up.body.id,
        version: up.body.version + 1,
        fileRemoved: true,
      }),
    );
    expect((await storedFiles()).committed).not.toContain(await storageKey(up.body.id));
    const after = await item(itemId);
    expect(after.evidence).toEqual([]);
    expect(after.history.slice(-2)).toEqual([
      expect.objectContaining({ event: 'ATTACH_EVIDENCE' }),
      expect.objectContaining({
        event: 'DELETE_EVIDENCE',
        payload: { evidenceId: up.body.id, fileName: '错误文件.png' },
      }),
    ]);
    const [row] = await db.query(`SELECT deleted_at, deleted_by FROM evidence WHERE id = $1`, [up.body.id]);
    expect(row.deleted_at).not.toBeNull();
    await request(http).get(`/api/items/${itemId}/evidence/${up.body.id}`).set(as('sec')).expect(404);
    expect((await remove('sec', itemId, up.body.id).expect(404)).body.code).toBe('EVIDENCE_NOT_FOUND');
  });

  it('refuses deletion by another secretary of the branch, and lets an administrator delete', async () => {
    const itemId = await newItem();
    const up = await upload('sec', itemId, png(), 'a.png').expect(201);
    expect((await remove('sec2', itemId, up.body.id).expect(403)).body.code).toBe('ACTOR_NOT_PERMITTED');
    expect((await remove('sup', itemId, up.body.id).expect(403)).body.code).toBe('ACTOR_NOT_PERMITTED');
    await remove('admin', itemId, up.body.id).expect(200);
    expect((await item(itemId)).history.at(-1)).toEqual(
      expect.objectContaining({ event: 'DELETE_EVIDENCE' }),
    );
  });

  it('refuses to delete or add evidence once the item is signed off, and keeps the file', async () => {
    const itemId = await newItem();
    await transition('sec', itemId, 'SET_MEASURES', {
      measures: [{ title: '建立学习制度', responsible: '张三', deadline: '2024-06-30' }],
    });
    const up = await upload('sec', itemId, png(), '学习记录.png').expect(201);
    await transition('sec', itemId, 'SUBMIT_COMPLETION', { evidence: '已建立制度' });
    await transition('sup', itemId, 'APPROVE_COMPLETION', { comment: '同意销号' });
    const refused = await remove('sec', itemId, up.body.id).expect(409);
    expect(refused.body).toEqual(
      expect.objectContaining({
        code: 'EVENT_NOT_ALLOWED_IN_STATE',
        message: expect.stringContaining('已销号'),
      }),
    );
    expect((await remove('admin', itemId, up.body.id).expect(409)).body.code).toBe(
      'EVENT_NOT_ALLOWED_IN_STATE',
    );
    expect((await storedFiles()).committed).toContain(await storageKey(up.body.id));
    await upload('sec', itemId, png(), 'late.png').expect(409);
    expect((await item(itemId)).evidence).toHaveLength(2);
  });

  it('answers 404 for deleting unknown evidence or evidence of an item out of scope', async () => {
    const itemId = await newItem();
    await remove('sec', itemId, randomUUID()).expect(404);
    await remove('sec', itemId, 'not-a-uuid').expect(404);
    const other = await addOrganisation(db, { name: `外村党支部${tag}` });
    const otherItem = (
      await importReport(db, {
        bytes: Buffer.from(`2023年度外村述职报告 ${tag}\n二、存在问题\n一是作风不扎实。\n`),
        fileName: 'o.txt',
        organisationName: other.name,
      })
    ).itemIds[0];
    const up = await upload('admin', otherItem, png(), 'x.png').expect(201);
    expect((await remove('sec', otherItem, up.body.id).expect(404)).body.code).toBe('ITEM_NOT_FOUND');
  });

  async function storageKey(evidenceId: string): Promise<string> {
    const [row] = await db.query(`SELECT storage_key FROM evidence WHERE id = $1`, [evidenceId]);
    return row.storage_key;
  }
});
