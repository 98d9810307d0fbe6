import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { EvidenceFileStore } from '@rectify/persistence';
import { type RectificationEventType } from '@rectify/workflow';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { binaryParser } from '../support/binary-response';
import { attachEvidence, importReport, transitionItem, updateItemDetails } from '../support/item-commands';
import { xmlPartText, xmlProblems } from '../support/office-xml';
import { createTestDatabase } from '../support/test-database';
import { addOrganisation, addUser } from '../support/admin-fixtures';

const ROOT = resolve(__dirname, '../..');
const AS_OF = '2024-12-20';
/** Characters XML forbids, as Word pastes them (bell, backspace) and as broken data carries them. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/u;

/** Every string in a value (rows, JSON payloads), at any depth. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** What each export must still say, once the forbidden characters are gone. */
interface ExpectedText {
  section: string[];
  summary: string[];
  ledger: string[];
}

/** Every XML part of every export is well-formed, and each export still holds its texts. */
async function expectReadableWith(files: Record<keyof ExpectedText, Buffer>, expected: ExpectedText) {
  for (const file of Object.values(files)) expect(await xmlProblems(file)).toEqual([]);
  const found = {
    section: await xmlPartText(files.section, 'word/document.xml'),
    summary: await xmlPartText(files.summary, 'word/document.xml'),
    // The ledger is streamed with its texts inline in the sheet, not in a shared-strings table.
    ledger: await xmlPartText(files.ledger, 'xl/worksheets/sheet1.xml'),
  };
  for (const kind of ['section', 'summary', 'ledger'] as const)
    for (const text of expected[kind])
      expect({ [kind]: found[kind] }).toEqual({ [kind]: expect.stringContaining(text) });
}

/** A report long enough that a few pasted control characters do not make it look binary. */
function reportText(year: number, problems: string, measures: string): string {
  const review =
    '全年组织集中学习12次，开展专题研讨4次，党员参学率达到95%，按期召开支部党员大会和支委会。'.repeat(8);
  return `${year}年度党支部党建工作总结\n一、工作开展情况\n${review}\n二、存在的问题\n${problems}\n三、下步工作打算\n${measures}\n`;
}

// Text with characters XML forbids (pasted from Word, or stored before text was cleaned) must
// never make the .docx or .xlsx exports unreadable: every XML part of every export is parsed
// with a strict XML parser, and the text is still there minus the forbidden characters.
describe('exports stay well-formed whatever text was entered or stored', () => {
  const tag = randomUUID().slice(0, 6);
  let database: { url: string; drop: () => Promise<void> };
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let db: DataSource;
  let store: EvidenceFileStore;
  let adminToken: string;

  const exportFile = (path: string, query: Record<string, string | number>) =>
    request(http)
      .get(path)
      .query({ asOf: AS_OF, ...query })
      .set({ Authorization: `Bearer ${adminToken}` })
      .buffer(true)
      .parse(binaryParser)
      .expect(200)
      .then((res) => res.body as Buffer);

  /** The three exports of a committee's 2023 items and its branch's 2024 section. */
  async function exportsOf(committeeId: string, branchId: string) {
    return {
      section: await exportFile(`/api/organisations/${branchId}/section`, { year: 2024, format: 'docx' }),
      summary: await exportFile(`/api/organisations/${committeeId}/summary`, { year: 2023, format: 'docx' }),
      ledger: await exportFile(`/api/organisations/${committeeId}/ledger`, { year: 2023, format: 'xlsx' }),
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const evidenceDir = mkdtempSync(join(tmpdir(), 'rectify-exports-'));
    store = new EvidenceFileStore(evidenceDir);
    app = await createApiApp(
      readApiConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, EVIDENCE_DIR: evidenceDir }),
    );
    await app.init();
    http = app.getHttpServer();
    db = app.get(DataSource);
    const hq = await addOrganisation(db, { name: `县委组织部${tag}` });
    await addUser(db, {
      username: `admin-${tag}`,
      organisationName: hq.name,
      role: 'admin',
      password: 'rectify-test-1',
    });
    adminToken = (
      await request(http)
        .post('/api/auth/login')
        .send({ username: `admin-${tag}`, password: 'rectify-test-1' })
    ).body.accessToken;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('cleans forbidden characters where text enters (use cases and the CLI), so nothing stored holds one and every export parses', async () => {
    const committee = await addOrganisation(db, { name: `镇\u0007党委${tag}` });
    const branch = await addOrganisation(db, { name: `甲村\uffff党支部${tag}`, parentName: `镇党委${tag}` });
    expect([committee.name, branch.name]).toEqual([`镇党委${tag}`, `甲村党支部${tag}`]);
    const secretary = await addUser(db, {
      username: `sec-a-${tag}`,
      organisationName: branch.name,
      role: 'secretary',
      displayName: '李\u0008明',
    });
    const supervisor = await addUser(db, {
      username: `sup-a-${tag}`,
      organisationName: committee.name,
      role: 'supervisor',
      displayName: '王\uffff强',
    });
    const imported = await importReport(db, {
      bytes: Buffer.from(
        reportText(
          2023,
          '一是理论\u0007学习不够深入。部分党员学用\u0008结合不紧。\n二是制度\uffff执行不严。',
          '1.建立\u0001学习制度。',
        ),
      ),
      fileName: '甲村\u0007报告.txt',
      organisationName: branch.name,
    });
    const [first, second] = imported.itemIds;
    const send = (itemId: string, who: { id: string }, event: RectificationEventType, payload: object) =>
      transitionItem(db, { itemId, actorUserId: who.id, event, payload: { ...payload } });
    await send(first, secretary, 'SET_MEASURES', {
      measures: [{ title: '每月\u0000集中\u0007学习', responsible: '王\ud800五', deadline: '2024-06-30' }],
    });
    await send(first, secretary, 'SUBMIT_COMPLETION', { evidence: '学习记录\ufffe十二次' });
    await send(first, supervisor, 'RETURN_FOR_REWORK', { reason: '佐证\u0001不足' });
    await send(first, secretary, 'SUBMIT_COMPLETION', { evidence: '补充学习\u0007记录' });
    await send(first, supervisor, 'APPROVE_COMPLETION', { comment: '同意\u001f销号' });
    await send(second, secretary, 'SET_MEASURES', {
      measures: [{ title: '建立会议\u0008记录检查制度', responsible: '赵\uffff六', deadline: '2024-09-30' }],
    });
    await send(second, secretary, 'ADD_PROGRESS_NOTE', { note: '已开展\u0008两次检查' });
    await updateItemDetails(db, {
      itemId: second,
      actorUserId: supervisor.id,
      responsibleLeader: '张\u0007书记',
    });
    await attachEvidence(db, store, {
      itemId: second,
      userId: secretary.id,
      text: '会议\u0007照片',
      file: {
        name: 'hui\u0008yi.png',
        bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]),
      },
    });
    const cli = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/rectify.js'),
        'transition',
        second,
        'ADD_PROGRESS_NOTE',
        '--as',
        `sec-a-${tag}`,
        '--note',
        '支委会\u0007已\u001f讨论',
      ],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: database.url } },
    );
    expect({ status: cli.status, stderr: cli.stderr }).toEqual(expect.objectContaining({ status: 0 }));

    const stored = [
      ...(await db.query(`SELECT name FROM organisation`)),
      ...(await db.query(`SELECT display_name FROM app_user`)),
      ...(await db.query(`SELECT title, source_file_name, text, extraction FROM report`)),
      ...(await db.query(`SELECT title, detail, responsible_leader FROM rectification_item`)),
      ...(await db.query(`SELECT title, detail, responsible FROM measure`)),
      ...(await db.query(`SELECT text, file_name FROM evidence`)),
      ...(await db.query(`SELECT payload FROM item_history`)),
    ];
    const dirty = allStrings(stored).filter((s) => FORBIDDEN.test(s));
    expect(dirty).toEqual([]);

    await expectReadableWith(await exportsOf(committee.id, branch.id), {
      section: ['理论学习不够深入', '每月集中学习'],
      summary: [`甲村党支部${tag}`],
      ledger: [
        '理论学习不够深入',
        '每月集中学习',
        '王五',
        '赵六',
        '张书记',
        '支委会已讨论',
        'huiyi.png',
        '李明',
      ],
    });
  }, 60_000);

  it('still exports well-formed files, with the text minus forbidden characters, from rows stored before cleaning', async () => {
    const committee = await addOrganisation(db, { name: `乡党委${tag}` });
    const branch = await addOrganisation(db, { name: `乙村党支部${tag}`, parentName: committee.name });
    const secretary = await addUser(db, {
      username: `sec-b-${tag}`,
      organisationName: branch.name,
      role: 'secretary',
    });
    const imported = await importReport(db, {
      bytes: Buffer.from(reportText(2023, '一是作风不够扎实。', '1.落实谈心谈话。')),
      fileName: '乙村报告.txt',
      organisationName: branch.name,
    });
    const [itemId] = imported.itemIds;
    await transitionItem(db, {
      itemId,
      actorUserId: secretary.id,
      event: 'SET_MEASURES',
      payload: { measures: [{ title: '落实谈心谈话', responsible: '钱六', deadline: '2024-06-30' }] },
    });
    // Old rows, written before text was cleaned on entry, straight into the tables.
    const set = (sql: string, params: unknown[]) => db.query(sql, params);
    await set(`UPDATE organisation SET name = $2 WHERE id = $1`, [branch.id, `乙村\u0007党支部\u0008${tag}`]);
    await set(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [secretary.id, '孙\uffff七']);
    await set(`UPDATE report SET title = $2 WHERE id = $1`, [imported.reportId, '乙村\u0001报告']);
    await set(
      `UPDATE rectification_item SET title = $2, detail = $3, responsible_leader = $4 WHERE id = $1`,
      [itemId, '作风\uffff不够扎实', '个别\u0007党员\u000b联系群众不够', '赵\ufffe书记'],
    );
    await set(`UPDATE measure SET title = $2, responsible = $3 WHERE item_id = $1`, [
      itemId,
      '落实\u0007谈心谈话',
      '钱\u0008六',
    ]);
    await set(`INSERT INTO evidence (item_id, text, file_name) VALUES ($1, $2, $3)`, [
      itemId,
      '谈话\u0007记录',
      'tan\uffffhua.pdf',
    ]);
    await set(
      `WITH bumped AS (UPDATE rectification_item SET version = version + 1 WHERE id = $1 RETURNING id, version, status)
       INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload)
       SELECT id, version, $2, 'secretary', 'ADD_PROGRESS_NOTE', status, status, $3 FROM bumped`,
      [itemId, secretary.id, JSON.stringify({ note: '已谈心\u0008谈话\u001f二十人' })],
    );
    const [row] = await db.query(`SELECT title FROM rectification_item WHERE id = $1`, [itemId]);
    expect(row.title).toBe('作风\uffff不够扎实');

    await expectReadableWith(await exportsOf(committee.id, branch.id), {
      section: ['作风不够扎实', '落实谈心谈话'],
      summary: [`乙村党支部${tag}`],
      ledger: [
        '作风不够扎实',
        '联系群众不够',
        '赵书记',
        '落实谈心谈话',
        '钱六',
        'tanhua.pdf',
        '孙七',
        '已谈心谈话二十人',
        `乙村党支部${tag}`,
      ],
    });
  });
});
