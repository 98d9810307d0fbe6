import { randomUUID } from 'node:crypto';
import { recurrenceKeys } from '@rectify/domain';
import {
  type Database,
  PgItemsRepository,
  PgReportsRepository,
  PgTrackedItemsRepository,
} from '@rectify/persistence';
import { addOrganisation, addUser } from '../../support/admin-fixtures';
import { importReport } from '../../support/item-commands';
import { RecurrenceKeys1732830000000 } from '../../../libs/persistence/src/migrations/1732830000000-recurrence-keys';
import { REPOSITORY_BACKENDS } from '../../support/scope-tree-fixture';

// The recurrence index (recurrence_key): filed with every item written, looked up per problem.
describe.each(REPOSITORY_BACKENDS)('the recurrence index on %s', (_name, open) => {
  const tag = randomUUID().slice(0, 8);
  let db: Database;
  let tracked: PgTrackedItemsRepository;

  beforeAll(async () => {
    db = await open();
    tracked = new PgTrackedItemsRepository(db.dataSource);
  });
  afterAll(() => db?.close());

  const DUES = '党费收缴不够及时，收缴标准把握不准';
  const report = (year: number, name: string, problems: string[]) =>
    Buffer.from(
      `${year}年度${name}述职报告 ${tag}\n二、存在问题\n${problems.map((p, i) => `${i + 1}.${p}。`).join('\n')}\n`,
    );
  const lookUp = (organisationId: string, problems: string[], limitPerProblem = 10) =>
    tracked.recurrenceCandidates('operator', {
      side: 'earlier',
      organisationId,
      year: 2024,
      windowYears: 5,
      problemKeys: problems.map(recurrenceKeys),
      limitPerProblem,
    });
  const titlesOf = (found: Awaited<ReturnType<typeof lookUp>>) =>
    found.perProblem.map((indexes) => indexes.map((i) => found.items[i].title));

  it('finds, per problem, the imported and created items of the window sharing a key, most keys first', async () => {
    const name = `甲村党支部-${tag}`;
    const { id: organisationId } = await addOrganisation(db.dataSource, { name });
    const { id: otherId } = await addOrganisation(db.dataSource, { name: `乙村党支部-${tag}` });
    await importReport(db.dataSource, {
      bytes: report(2022, name, [DUES, '档案资料归档不全', '党费交纳不及时']),
      fileName: '2022.txt',
      organisationId,
    });
    await importReport(db.dataSource, {
      bytes: report(2018, name, [DUES]),
      fileName: '2018.txt',
      organisationId,
    });
    await importReport(db.dataSource, {
      bytes: report(2022, `乙村党支部-${tag}`, [DUES]),
      fileName: '2022.txt',
      organisationId: otherId,
    });
    const user = await addUser(db.dataSource, { username: `sec-${tag}`, organisationName: name });
    const created = await new PgItemsRepository(db.dataSource).createItems({
      organisationId,
      year: 2023,
      items: [{ id: randomUUID(), title: '党费收缴标准把握不准', detail: '' }],
      source: 'superior_review',
      status: 'identified',
      deadline: null,
      createdBy: user.id,
      actor: { userId: user.id, role: 'admin' },
      historyPayload: {},
    });
    expect(created.kind).toBe('created');

    const found = await lookUp(organisationId, [DUES, '理论学习不够深入']);
    // 2018 is out of the window, 乙村 another organisation, the 档案 item shares no key with either.
    expect(titlesOf(found)).toEqual([[DUES, '党费收缴标准把握不准', '党费交纳不及时'], []]);
    expect(found.problemsOverLimit).toBe(0);

    const cut = await lookUp(organisationId, [DUES], 1);
    expect(titlesOf(cut)).toEqual([[DUES]]);
    expect(cut.problemsOverLimit).toBe(1);
  });

  it('files a corrected title under its new keys, and forgets withdrawn and removed items', async () => {
    const name = `丙村党支部-${tag}`;
    const { id: organisationId } = await addOrganisation(db.dataSource, { name });
    const user = await addUser(db.dataSource, { username: `sec2-${tag}`, organisationName: name });
    const imported = await importReport(db.dataSource, {
      bytes: report(2023, name, ['档案资料归档不全', '党费交纳不及时']),
      fileName: '2023.txt',
      organisationId,
    });
    const [archiveId, duesId] = imported.itemIds;
    const items = new PgItemsRepository(db.dataSource);
    const version = await items.session((s) =>
      s.updateDetails({
        itemId: archiveId,
        readVersion: 1,
        title: '党员发展程序不规范',
        detail: null,
        source: null,
        setResponsibleLeader: false,
        responsibleLeader: null,
        actor: { userId: user.id, role: 'admin' },
        changes: { title: '党员发展程序不规范' },
      }),
    );
    expect(version).toBe(2);
    expect(titlesOf(await lookUp(organisationId, ['档案资料归档不全', '发展党员程序不规范']))).toEqual([
      [],
      ['党员发展程序不规范'],
    ]);

    const withdrawn = await items.session((s) =>
      s.writeWithdrawal({
        itemId: duesId,
        readVersion: 1,
        withdraw: true,
        reason: '重复录入',
        actor: { userId: user.id, role: 'admin' },
        historyPayload: {},
      }),
    );
    expect(withdrawn).toBe(2);
    expect(titlesOf(await lookUp(organisationId, ['党费交纳不及时']))).toEqual([[]]);

    const again = await importReport(db.dataSource, {
      bytes: report(2021, name, ['党费交纳不及时']),
      fileName: '2021.txt',
      organisationId,
    });
    expect(titlesOf(await lookUp(organisationId, ['党费交纳不及时']))).toEqual([['党费交纳不及时']]);
    const removed = await new PgReportsRepository(db.dataSource).removeImport({
      reportId: again.reportId,
      scope: 'operator',
      mayRemove: () => true,
    });
    expect(removed).toEqual({ kind: 'removed', items: 1 });
    expect(titlesOf(await lookUp(organisationId, ['党费交纳不及时']))).toEqual([[]]);
    expect(
      await db.dataSource.query(`SELECT count(*)::int AS n FROM recurrence_key WHERE item_id = ANY($1)`, [
        again.itemIds,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('files the items stored before the index when its migration runs', async () => {
    const name = `丁村党支部-${tag}`;
    const { id: organisationId } = await addOrganisation(db.dataSource, { name });
    await importReport(db.dataSource, {
      bytes: report(2022, name, [DUES]),
      fileName: '2022.txt',
      organisationId,
    });
    const runner = db.dataSource.createQueryRunner();
    try {
      const migration = new RecurrenceKeys1732830000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(titlesOf(await lookUp(organisationId, [DUES]))).toEqual([[DUES]]);
  });
});
