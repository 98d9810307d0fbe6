import { randomUUID } from 'node:crypto';
import { IMPORT_LIMITS, reportWorkInProgress } from '@rectify/application';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type AuthTestApp, bearer, startAuthTestApp } from '../support/auth-test-app';
import { createTestDatabase } from '../support/test-database';
import { importReport } from '../support/item-commands';
import { addOrganisation } from '../support/admin-fixtures';

// Large imports (issue 20, part 5): the heavy, pure part of an import runs in worker threads,
// so the API keeps answering; and past IMPORT_LIMITS an upload is refused or its comparison cut.

const SUBJECTS = [
  '理论学习',
  '组织生活',
  '党费收缴',
  '阵地建设',
  '发展党员',
  '意识形态',
  '为民服务',
  '作风建设',
];
const DEFECTS = [
  '不够深入系统',
  '流于形式',
  '不够规范',
  '落实不到位',
  '针对性不强',
  '实效性不高',
  '经常性不够',
];

/** A report of `year` naming `count` problems, each a different wording of a common problem. */
function report(year: number, count: number, tag: string): Buffer {
  const problems = Array.from({ length: count }, (_, i) => {
    const subject = SUBJECTS[i % SUBJECTS.length];
    const defect = DEFECTS[Math.floor(i / SUBJECTS.length) % DEFECTS.length];
    return `${i + 1}.${subject}${defect}，第${i + 1}项有待改进。`;
  });
  const text = [
    `${year}年度青石村党支部述职报告 ${tag}`,
    '二、存在问题',
    ...problems,
    '三、下步打算',
    '1.加强学习。',
  ];
  return Buffer.from(text.join('\n'), 'utf8');
}

/** Polls `condition` every 10 ms until it holds; fails after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('large report imports', () => {
  const tag = randomUUID().slice(0, 8);
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: AuthTestApp;
  let db: DataSource;
  let token: string;

  const upload = (path: string, bytes: Buffer, fields: Record<string, string> = {}) => {
    let req = request(app.http).post(path).set(bearer(token)).attach('file', bytes, 'r.txt');
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };
  const newOrganisation = async (name: string) => (await addOrganisation(db, { name: `${name}-${tag}` })).id;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startAuthTestApp({ DATABASE_URL: database.url });
    db = app.db;
    token = await app.token((await app.addUser('admin')).username);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('answers GET /api/health while an import of 2,000 problems is compared with 2,000 earlier ones, before the import ends', async () => {
    const organisationId = await newOrganisation('大村党支部');
    await importReport(db, { bytes: report(2023, 2_000, tag), fileName: '2023.txt', organisationId });
    const finished: string[] = [];
    const importing = upload('/api/reports', report(2024, 2_000, tag), { organisationId }).then((res) => {
      finished.push('import');
      return res;
    });
    await until(() => reportWorkInProgress().score > 0, 'the import compares its problems with 2023');
    const health = await request(app.http).get('/api/health');
    finished.push('health');
    const imported = await importing;
    expect(health.status).toBe(200);
    expect(imported.status).toBe(201);
    expect(imported.body.itemIds).toHaveLength(2_000);
    expect(imported.body.recurring.length).toBeGreaterThan(0);
    expect(finished).toEqual(['health', 'import']);
  });

  it('refuses a report with more problems than an import takes, with 413, a stable code and what to do', async () => {
    const organisationId = await newOrganisation('超限党支部');
    const tooMany = report(2024, IMPORT_LIMITS.maxProblems + 1, tag);
    for (const path of ['/api/reports', '/api/reports/preview']) {
      const res = await upload(path, tooMany, { organisationId }).expect(413);
      expect(res.body).toEqual({
        code: 'REPORT_TOO_LARGE',
        message: `文件中识别出 ${IMPORT_LIMITS.maxProblems + 1} 个问题，超过一次导入的上限 ${IMPORT_LIMITS.maxProblems} 个：请确认文件是否选对；问题清单请拆分为几个文件分别导入。`,
        details: {
          reason: 'TOO_MANY_PROBLEMS',
          problems: IMPORT_LIMITS.maxProblems + 1,
          limit: IMPORT_LIMITS.maxProblems,
        },
      });
    }
    const stored = await db.query(`SELECT count(*)::int AS n FROM report WHERE organisation_id = $1`, [
      organisationId,
    ]);
    expect(stored[0].n).toBe(0);
  });

  /** Copies an item `copies` times into its report (numbered titles), with its recurrence keys. */
  async function cloneItem(itemId: string, copies: number, title: string): Promise<void> {
    await db.query(
      `WITH copy AS (
         INSERT INTO rectification_item
         SELECT (jsonb_populate_record(NULL::rectification_item,
                   to_jsonb(i) || jsonb_build_object('id', gen_random_uuid(), 'seq', g, 'title', $3 || g))).*
           FROM rectification_item i, generate_series(2, $2::int + 1) g WHERE i.id = $1
         RETURNING id)
       INSERT INTO recurrence_key (organisation_id, year, key, item_id)
       SELECT k.organisation_id, k.year, k.key, c.id FROM copy c, recurrence_key k WHERE k.item_id = $1`,
      [itemId, copies, title],
    );
  }

  it('finds a problem repeated from five years back among thousands of unrelated items', async () => {
    const organisationId = await newOrganisation('老村党支部');
    const old = Buffer.from(
      `2019年度老村党支部述职报告 ${tag}\n二、存在问题\n1.党费收缴不够及时，收缴标准把握不准。\n`,
    );
    const first = await importReport(db, { bytes: old, fileName: '2019.txt', organisationId });
    const filler = Buffer.from(`2023年度老村党支部述职报告 ${tag}\n二、存在问题\n1.档案资料归档不全。\n`);
    const nearer = await importReport(db, { bytes: filler, fileName: '2023.txt', organisationId });
    await cloneItem(nearer.itemIds[0], 5_000, '档案资料归档不全');
    const current = Buffer.from(
      `2024年度老村党支部述职报告 ${tag}\n二、存在问题\n1.党费收缴不及时，标准把握不准。\n`,
    );
    const res = await upload('/api/reports', current, { organisationId }).expect(201);
    expect(res.body.recurring).toHaveLength(1);
    expect(res.body.recurring[0].earlier.map((e: { itemId: string }) => e.itemId)).toEqual([
      first.itemIds[0],
    ]);
    expect(res.body.warnings.filter((w: string) => w.includes('未比对'))).toEqual([]);
  });

  it('compares a problem with the most alike items only, up to the limit, and says what it left out', async () => {
    const organisationId = await newOrganisation('多事党支部');
    const earlier = Buffer.from(
      `2023年度多事党支部述职报告 ${tag}\n二、存在问题\n1.党费收缴不够及时，收缴标准把握不准。\n`,
    );
    const stored = await importReport(db, { bytes: earlier, fileName: '2023.txt', organisationId });
    // One more item alike to the problem than the limit takes.
    await cloneItem(
      stored.itemIds[0],
      IMPORT_LIMITS.maxCandidatesPerProblem,
      '党费收缴不够及时，收缴标准把握不准',
    );
    const current = Buffer.from(
      `2024年度多事党支部述职报告 ${tag}\n二、存在问题\n1.党费收缴不够及时，收缴标准把握不准。\n`,
    );
    const res = await upload('/api/reports', current, { organisationId }).expect(201);
    expect(res.body.recurring).toHaveLength(1);
    expect(res.body.recurring[0].earlier).toHaveLength(3);
    expect(res.body.warnings).toContain(
      `本报告有 1 个问题与该组织此前5年内超过 ${IMPORT_LIMITS.maxCandidatesPerProblem} 个整改事项用词相近：每个问题只比对了其中最相近的 ${IMPORT_LIMITS.maxCandidatesPerProblem} 个是否相似，其余未比对。`,
    );
  });
});
