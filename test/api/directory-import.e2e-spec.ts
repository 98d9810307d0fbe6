import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { addOrganisation, addUser } from '../support/admin-fixtures';
import { type AuthTestApp, bearer, PASSWORD, startAuthTestApp } from '../support/auth-test-app';
import { directoryWorkbook, largeDirectory } from '../support/directory-workbook';

// 批量导入组织和人员 through the API on the real PostgreSQL: the 50/200 file, all or nothing,
// idempotent re-import, the subtree rule and duplicate accounts.
jest.setTimeout(120_000);

describe('bulk import of the organisation tree and its people', () => {
  let t: AuthTestApp;
  let county: string;
  let adminToken: string;
  beforeAll(async () => {
    t = await startAuthTestApp();
    county = (
      await addOrganisation(t.db, { name: `青山县委-${randomUUID().slice(0, 6)}`, kind: 'committee' })
    ).name;
    const admin = `county.admin-${randomUUID().slice(0, 6)}`;
    await addUser(t.db, { username: admin, organisationName: county, role: 'admin', password: PASSWORD });
    adminToken = await t.token(admin);
  });
  afterAll(() => t.close());

  const upload = (file: Buffer, token = adminToken, dryRun = false) => {
    const req = request(t.http)
      .post('/api/directory/import')
      .set(bearer(token))
      .attach('file', file, '组织和人员.xlsx');
    if (dryRun) req.field('dryRun', 'true');
    return req;
  };
  const countLike = async (table: 'organisation' | 'app_user', column: string, prefix: string) =>
    Number(
      (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} LIKE $1`, [`${prefix}%`]))[0]
        .n,
    );

  it('imports 50 organisations and 200 people in seconds, then adds nothing when the same file comes again', async () => {
    const tag = `t${randomUUID().slice(0, 5)}`;
    const file = largeDirectory(county, tag);
    const bytes = await directoryWorkbook(file.rows);

    const preview = await upload(bytes, adminToken, true).expect(200);
    expect(preview.body).toMatchObject({
      dryRun: true,
      organisations: 50,
      people: 200,
      positions: 210,
      accounts: [],
    });
    expect(await countLike('organisation', 'name', tag)).toBe(0);

    const started = Date.now();
    const imported = await upload(bytes).expect(200);
    const seconds = (Date.now() - started) / 1000;
    console.log(`directory import of 50 organisations, 200 people, 210 positions: ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(15);
    expect(imported.headers['cache-control']).toBe('no-store');
    expect(imported.body).toMatchObject({
      dryRun: false,
      organisations: 50,
      people: 200,
      positions: 210,
      summary: '新增组织50个、人员200人、职务210个',
    });
    expect(imported.body.accounts).toHaveLength(200);
    expect(
      new Set(imported.body.accounts.map((a: { oneTimePassword: string }) => a.oneTimePassword)).size,
    ).toBe(200);

    // The tables: 50 organisations whose paths extend their parents', 200 accounts, 210 positions.
    const orgs: {
      id: string;
      name: string;
      kind: string;
      path: string;
      parent_path: string;
      parent_id: string;
    }[] = await t.db.query(
      `SELECT o.id, o.name, o.kind, o.path, o.parent_id, p.path AS parent_path
           FROM organisation o JOIN organisation p ON p.id = o.parent_id WHERE o.name LIKE $1`,
      [`${tag}%`],
    );
    expect(orgs).toHaveLength(50);
    for (const o of orgs) expect(o.path).toBe(`${o.parent_path}${o.id}/`);
    expect(orgs.filter((o) => o.kind === 'branch')).toHaveLength(42);
    expect(orgs.filter((o) => o.kind === 'general_branch')).toHaveLength(7);
    const users: { id: string; must_change_password: boolean; password_hash: string }[] = await t.db.query(
      `SELECT id, must_change_password, password_hash FROM app_user WHERE username LIKE $1`,
      [`${tag}.%`],
    );
    expect(users).toHaveLength(200);
    expect(users.every((u) => u.must_change_password && /^\$2[aby]\$06\$/.test(u.password_hash))).toBe(true);
    const positions: { kind: string; works_items: boolean; supervises: boolean; n: number }[] =
      await t.db.query(
        `SELECT p.kind, p.works_items, p.supervises, count(*)::int AS n
         FROM position p JOIN app_user u ON u.id = p.user_id WHERE u.username LIKE $1
        GROUP BY 1, 2, 3 ORDER BY 1`,
        [`${tag}.%`],
      );
    expect(positions).toEqual([
      { kind: 'admin', works_items: false, supervises: false, n: 1 },
      { kind: 'deputy_secretary', works_items: false, supervises: true, n: expect.any(Number) },
      { kind: 'discipline_member', works_items: false, supervises: false, n: expect.any(Number) },
      { kind: 'organising_member', works_items: false, supervises: true, n: expect.any(Number) },
      { kind: 'party_worker', works_items: false, supervises: false, n: expect.any(Number) },
      { kind: 'secretary', works_items: true, supervises: true, n: 50 },
    ]);
    expect(positions.reduce((sum, p) => sum + p.n, 0)).toBe(210);
    // A 党总支 secretary who is also 组织委员 of the 镇 holds both positions.
    const [twice] = await t.db.query(
      `SELECT count(*)::int AS n FROM position p JOIN app_user u ON u.id = p.user_id WHERE u.username = $1`,
      [`${tag}.p001`],
    );
    expect(twice.n).toBe(2);

    // A new person logs in with the one-time password and must change it first.
    const account = imported.body.accounts.find((a: { username: string }) => a.username === `${tag}.p001`);
    // Home: the organisation of the person's first row (the rows come reversed: the 镇's).
    expect(account).toMatchObject({ displayName: '人员1', organisationName: `${tag}镇党委` });
    const login = await t.login(account.username, account.oneTimePassword).expect(200);
    expect(login.body.mustChangePassword).toBe(true);

    // Again: nothing added, and existing people keep their password.
    const hashOf = async () =>
      (await t.db.query(`SELECT password_hash FROM app_user WHERE username = $1`, [account.username]))[0]
        .password_hash;
    const before = await hashOf();
    const again = await upload(bytes).expect(200);
    expect(again.body).toMatchObject({
      organisations: 0,
      people: 0,
      positions: 0,
      summary: '新增组织0个、人员0人、职务0个',
      accounts: [],
    });
    expect(await countLike('organisation', 'name', tag)).toBe(50);
    expect(await countLike('app_user', 'username', `${tag}.`)).toBe(200);
    expect(await hashOf()).toBe(before);
    await t.login(account.username, account.oneTimePassword).expect(200);
  });

  it('writes nothing from a file with 3 bad rows and lists the 3 problems by row', async () => {
    const tag = `b${randomUUID().slice(0, 5)}`;
    const file = largeDirectory(county, tag);
    const rows = file.rows.map((r) => [...r]);
    rows[4][2] = '党小组'; // Excel row 6
    rows[9][1] = `${tag}不存在的党委`; // Excel row 11
    rows[20][5] = '主任'; // Excel row 22
    const refused = await upload(await directoryWorkbook(rows)).expect(422);
    expect(refused.body.code).toBe('DIRECTORY_INVALID');
    expect(refused.body.message).toContain('文件有 3 处问题，未导入任何内容');
    expect(
      refused.body.details.problems.map((p: { row: number; column: string }) => [p.row, p.column]),
    ).toEqual([
      [6, '组织类别'],
      [11, '上级组织'],
      [22, '职务'],
    ]);
    expect(await countLike('organisation', 'name', tag)).toBe(0);
    expect(await countLike('app_user', 'username', `${tag}.`)).toBe(0);
  });

  it('refuses one 账号 given to two different people in one file', async () => {
    const tag = `d${randomUUID().slice(0, 5)}`;
    const org = [`${tag}党支部`, county, '党支部'];
    const refused = await upload(
      await directoryWorkbook([
        [...org, '张三', `${tag}.zs`, '书记', '', ''],
        [...org, '张山', `${tag}.zs`, '组织委员', '', ''],
      ]),
    ).expect(422);
    expect(refused.body.details.problems).toEqual([
      {
        row: 3,
        column: '姓名',
        message: `账号"${tag}.zs"的姓名前后不一致：第2行为"张三"，本行为"张山"。同一账号只能是同一个人；不同的人请使用不同的账号。`,
      },
    ]);
    expect(await countLike('organisation', 'name', tag)).toBe(0);
  });

  it('refuses a person who is not an administrator, and a file that is not the template', async () => {
    const secretary = await t.addUser('secretary');
    const refused = await upload(await directoryWorkbook([]), await t.token(secretary.username)).expect(403);
    expect(refused.body.code).toBe('ADMIN_ONLY');
    const notXlsx = await upload(Buffer.from('组织名称,上级组织\n')).expect(422);
    expect(notXlsx.body.code).toBe('DIRECTORY_FILE_UNREADABLE');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['组织', '上级']);
    const wrongHeader = await upload(Buffer.from(await wb.xlsx.writeBuffer())).expect(422);
    expect(wrongHeader.body.message).toContain('第1行表头缺少列：组织名称、上级组织、组织类别');
  });

  it('offers the template: the header, an example row and the allowed values in 填写说明', async () => {
    const res = await request(t.http)
      .get('/api/directory/template.xlsx')
      .set(bearer(adminToken))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets[0].getRow(1).values).toEqual([
      undefined,
      '组织名称',
      '上级组织',
      '组织类别',
      '姓名',
      '账号',
      '职务',
      '手机',
      '邮箱',
    ]);
    expect(wb.worksheets[0].getRow(2).getCell(3).value).toBe('党支部');
    const help = wb.getWorksheet('填写说明')!;
    const text = help.getSheetValues().flat().join(' ');
    expect(text).toContain('党委、党工委、党总支、党支部');
    expect(text).toContain('书记、副书记、组织委员、纪检委员、党务工作者、管理员');
  });

  it('imports from the command line: problems by row with exit code 1, then the counts and the passwords', async () => {
    const tag = `c${randomUUID().slice(0, 5)}`;
    const dir = mkdtempSync(join(tmpdir(), 'rectify-directory-'));
    const file = join(dir, '组织和人员.xlsx');
    const rectify = (...args: string[]) =>
      spawnSync(process.execPath, [resolve(__dirname, '../../bin/rectify.js'), 'directory', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      });
    const org = [`${tag}党支部`, county, '党支部'];
    writeFileSync(file, await directoryWorkbook([[...org, '王五', `${tag}.ww`, '书计', '', '']]));
    const refused = rectify('import', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('第2行「职务」：职务"书计"无效');
    writeFileSync(file, await directoryWorkbook([[...org, '王五', `${tag}.ww`, '书记', '', '']]));
    expect(rectify('import', file, '--dry-run').stdout).toContain(
      '检查通过（未写入）：预计新增组织1个、人员1人、职务1个',
    );
    const imported = rectify('import', file);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('新增组织1个、人员1人、职务1个');
    const password = new RegExp(`${tag}\\.ww\\t王五\\t${tag}党支部\\t(\\S{4}-\\S{4}-\\S{4})`).exec(
      imported.stdout,
    )?.[1];
    expect(password).toBeDefined();
    expect((await t.login(`${tag}.ww`, password).expect(200)).body.mustChangePassword).toBe(true);
    expect(rectify('import', file).stdout).toContain('新增组织0个、人员0人、职务0个');
  });

  it('keeps the administrator of one 镇 to it: nothing is created below another 镇', async () => {
    const tag = `s${randomUUID().slice(0, 5)}`;
    const east = (
      await addOrganisation(t.db, { name: `${tag}东镇党委`, parentName: county, kind: 'committee' })
    ).name;
    const west = (
      await addOrganisation(t.db, { name: `${tag}西镇党委`, parentName: county, kind: 'committee' })
    ).name;
    const eastAdmin = `${tag}.east.admin`;
    await addUser(t.db, { username: eastAdmin, organisationName: east, role: 'admin', password: PASSWORD });
    const token = await t.token(eastAdmin);
    const refused = await upload(
      await directoryWorkbook([[`${tag}西村党支部`, west, '党支部', '赵六', `${tag}.zl`, '书记', '', '']]),
      token,
    ).expect(422);
    expect(refused.body.details.problems).toEqual([
      {
        row: 2,
        column: '上级组织',
        message: `上级组织"${west}"不在您的管理范围内：只能在您管理的组织之下新增组织。`,
      },
    ]);
    await upload(
      await directoryWorkbook([[`${tag}东村党支部`, east, '党支部', '孙八', `${tag}.sb`, '书记', '', '']]),
      token,
    ).expect(200);
  });
});
