import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApplicationError, type TransitionItemCommand } from '@rectify/application';
import {
  ItemHistoryEntity,
  MeasureEntity,
  openDatabase,
  RectificationItemEntity,
  ReportEntity,
  type Database,
} from '@rectify/persistence';
import { importReport, transitionItem } from '../support/item-commands';
import { openMemoryDatabase } from '../support/memory-database';
import { addOrganisation, addUser } from '../support/admin-fixtures';

const SEEDS = resolve(__dirname, '../../../shared/seeds');
const SEED_FILES = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const MEASURES = [{ title: '建立学习制度', responsible: '张三', deadline: '2024-06-30' }];

async function refusal(promise: Promise<unknown>): Promise<ApplicationError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApplicationError) return err;
    throw err;
  }
  throw new Error('expected the use case to refuse');
}

/** A small organisation tree with a secretary and a supervisor, unique to one test run. */
async function seedTree(db: Database) {
  const tag = randomUUID().slice(0, 8);
  const committee = await addOrganisation(db.dataSource, { name: `青石镇党委-${tag}` });
  const branch = await addOrganisation(db.dataSource, {
    name: `青石村党支部-${tag}`,
    parentName: committee.name,
  });
  const other = await addOrganisation(db.dataSource, {
    name: `白沙村党支部-${tag}`,
    parentName: committee.name,
  });
  const secretary = await addUser(db.dataSource, {
    username: `sec-${tag}`,
    organisationName: branch.name,
    role: 'secretary',
  });
  const supervisor = await addUser(db.dataSource, {
    username: `sup-${tag}`,
    organisationName: committee.name,
    role: 'supervisor',
  });
  const outsider = await addUser(db.dataSource, {
    username: `out-${tag}`,
    organisationName: other.name,
    role: 'secretary',
  });
  return { tag, committee, branch, other, secretary, supervisor, outsider };
}

function describeItemsOn(name: string, open: () => Promise<Database>, full: boolean) {
  describe(`rectification items on ${name}`, () => {
    let db: Database;
    let tree: Awaited<ReturnType<typeof seedTree>>;
    beforeAll(async () => {
      db = await open();
      tree = await seedTree(db);
    });
    afterAll(() => db.close());

    const seedBytes = (file: string) => readFileSync(join(SEEDS, file));

    it.each(full ? SEED_FILES : SEED_FILES.slice(0, 1))(
      'imports %s with one item per problem and its history',
      async (file) => {
        const result = await importReport(db.dataSource, {
          bytes: seedBytes(file),
          fileName: file,
          organisationName: tree.branch.name,
        });
        expect(result.created).toBe(true);
        expect(result.itemIds).toHaveLength(result.extraction.problems.length);
        const items = await db.dataSource
          .getRepository(RectificationItemEntity)
          .find({ where: { reportId: result.reportId }, order: { seq: 'ASC' } });
        expect(items.map((i) => i.title)).toEqual(result.extraction.problems.map((p) => p.title));
        expect(items.every((i) => i.status === 'identified' && i.version === 1)).toBe(true);
        const linked = result.extraction.measures.filter((m) => m.problemSeqs.length > 0).length;
        const measures = await db.dataSource
          .getRepository(MeasureEntity)
          .countBy(items.map((i) => ({ itemId: i.id })));
        expect(measures).toBeGreaterThanOrEqual(linked > 0 ? 1 : 0);
        const history = await db.dataSource.getRepository(ItemHistoryEntity).findBy({ itemId: items[0].id });
        expect(history).toEqual([
          expect.objectContaining({ seq: 1, event: 'IMPORT', fromStatus: null, toStatus: 'identified' }),
        ]);
      },
    );

    it('creates nothing when the same file is imported again, and says so', async () => {
      const file = SEED_FILES[0];
      const before = await db.dataSource.getRepository(RectificationItemEntity).count();
      const again = await importReport(db.dataSource, {
        bytes: seedBytes(file),
        fileName: file,
        organisationName: tree.branch.name,
      });
      expect(again.created).toBe(false);
      expect(again.warnings[0]).toContain('此前已导入');
      expect(await db.dataSource.getRepository(RectificationItemEntity).count()).toBe(before);
    });

    it('stores a report without problems with a warning and no items', async () => {
      const bytes = Buffer.from(`2023年工作总结 ${tree.tag}\n一、主要工作\n全年组织学习12次。\n`);
      const result = await importReport(db.dataSource, {
        bytes,
        fileName: 'none.txt',
        organisationName: tree.branch.name,
      });
      expect(result.created).toBe(true);
      expect(result.itemIds).toEqual([]);
      expect(result.warnings.join()).toContain('未找到"存在问题"部分');
      expect(await db.dataSource.getRepository(ReportEntity).countBy({ id: result.reportId })).toBe(1);
    });

    it('refuses an unknown organisation clearly', async () => {
      const err = await refusal(
        importReport(db.dataSource, {
          bytes: seedBytes(SEED_FILES[0]),
          fileName: 'x.txt',
          organisationName: '不存在的党支部',
        }),
      );
      expect(err.code).toBe('ORGANISATION_NOT_FOUND');
      expect(err.message).toContain('rectify orgs add');
    });

    async function freshItem(): Promise<string> {
      const bytes = Buffer.from(
        `2023年度述职报告 ${randomUUID()}\n二、存在问题\n一是学习不够深入。二是制度执行不严。\n`,
      );
      const result = await importReport(db.dataSource, {
        bytes,
        fileName: 'r.txt',
        organisationName: tree.branch.name,
      });
      return result.itemIds[0];
    }

    it('walks an item to completion and keeps its history complete and in order', async () => {
      const itemId = await freshItem();
      const send = (c: Omit<TransitionItemCommand, 'itemId'>) =>
        transitionItem(db.dataSource, { itemId, ...c });
      await send({ event: 'SET_MEASURES', payload: { measures: MEASURES }, actorUserId: tree.secretary.id });
      await send({
        event: 'SUBMIT_COMPLETION',
        payload: { evidence: '已建立制度' },
        actorUserId: tree.secretary.id,
      });
      await send({
        event: 'RETURN_FOR_REWORK',
        payload: { reason: '佐证不足' },
        actorUserId: tree.supervisor.id,
      });
      await send({
        event: 'SUBMIT_COMPLETION',
        payload: { evidence: '补充会议记录' },
        actorUserId: tree.secretary.id,
      });
      const done = await send({
        event: 'APPROVE_COMPLETION',
        payload: {},
        actorUserId: tree.supervisor.id,
        expectedVersion: 5,
      });
      expect(done).toEqual({ itemId, fromStatus: 'pending_review', status: 'completed', version: 6 });
      const history = await db.dataSource
        .getRepository(ItemHistoryEntity)
        .find({ where: { itemId }, order: { seq: 'ASC' } });
      expect(history.map((h) => [h.seq, h.event, h.fromStatus, h.toStatus])).toEqual([
        [1, 'IMPORT', null, 'identified'],
        [2, 'SET_MEASURES', 'identified', 'measures_set'],
        [3, 'SUBMIT_COMPLETION', 'measures_set', 'pending_review'],
        [4, 'RETURN_FOR_REWORK', 'pending_review', 'measures_set'],
        [5, 'SUBMIT_COMPLETION', 'measures_set', 'pending_review'],
        [6, 'APPROVE_COMPLETION', 'pending_review', 'completed'],
      ]);
      expect(history[3].payload).toEqual({ reason: '佐证不足' });
      const item = await db.dataSource.getRepository(RectificationItemEntity).findOneByOrFail({ id: itemId });
      expect(item.deadline).toBe('2024-06-30');
    });

    it('keeps the history append-only: the database refuses to change or delete a line', async () => {
      const itemId = await freshItem();
      await expect(
        db.dataSource.query(`UPDATE item_history SET event = 'X' WHERE item_id = $1`, [itemId]),
      ).rejects.toThrow(/append-only/);
      await expect(
        db.dataSource.query(`DELETE FROM item_history WHERE item_id = $1`, [itemId]),
      ).rejects.toThrow(/append-only/);
    });

    it('refuses a secretary approving their own item and an outsider touching it', async () => {
      const itemId = await freshItem();
      await transitionItem(db.dataSource, {
        itemId,
        event: 'SET_MEASURES',
        payload: { measures: MEASURES },
        actorUserId: tree.secretary.id,
      });
      await transitionItem(db.dataSource, {
        itemId,
        event: 'SUBMIT_COMPLETION',
        payload: { evidence: '完成' },
        actorUserId: tree.secretary.id,
      });
      const own = await refusal(
        transitionItem(db.dataSource, {
          itemId,
          event: 'APPROVE_COMPLETION',
          payload: {},
          actorUserId: tree.secretary.id,
        }),
      );
      expect(own.code).toBe('ACTOR_NOT_PERMITTED');
      const outsider = await refusal(
        transitionItem(db.dataSource, {
          itemId,
          event: 'ADD_PROGRESS_NOTE',
          payload: { note: '看看' },
          actorUserId: tree.outsider.id,
        }),
      );
      expect(outsider.code).toBe('ACTOR_NOT_PERMITTED');
      const wrongState = await refusal(
        transitionItem(db.dataSource, {
          itemId,
          event: 'SET_MEASURES',
          payload: { measures: MEASURES },
          actorUserId: tree.secretary.id,
        }),
      );
      expect(wrongState.code).toBe('EVENT_NOT_ALLOWED_IN_STATE');
      expect(wrongState.details).toEqual(
        expect.objectContaining({ currentStatus: 'pending_review', allowedEvents: ['ADD_PROGRESS_NOTE'] }),
      );
    });

    it('lets exactly one of two concurrent transitions win; the other learns the current state', async () => {
      const itemId = await freshItem();
      const attempt = (note: string) =>
        transitionItem(db.dataSource, {
          itemId,
          event: 'SET_MEASURES',
          payload: { measures: [{ ...MEASURES[0], title: note }] },
          actorUserId: tree.secretary.id,
          expectedVersion: 1,
        }).then(
          (r) => ({ ok: true as const, r }),
          (e: unknown) => ({ ok: false as const, e }),
        );
      const outcomes = await Promise.all([attempt('甲'), attempt('乙')]);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      const loser = outcomes.find((o) => !o.ok);
      expect(loser && !loser.ok && loser.e instanceof ApplicationError && loser.e.code).toBe('ITEM_CHANGED');
      expect(loser && !loser.ok && (loser.e as ApplicationError).message).toContain('已制定整改措施');
      const history = await db.dataSource.getRepository(ItemHistoryEntity).countBy({ itemId });
      expect(history).toBe(2);
    });

    if (full) {
      it('writes nothing when an import fails midway (the transaction rolls back)', async () => {
        const victim = await addOrganisation(db.dataSource, {
          name: `失败村党支部-${tree.tag}`,
          parentName: tree.committee.name,
        });
        // A real failure inside the transaction: the second item of this organisation is refused.
        await db.dataSource.query(`
          CREATE OR REPLACE FUNCTION fail_second_item() RETURNS trigger AS $$
          BEGIN
            IF NEW.organisation_id = '${victim.id}' AND NEW.seq = 2 THEN RAISE EXCEPTION 'simulated failure'; END IF;
            RETURN NEW;
          END $$ LANGUAGE plpgsql`);
        await db.dataSource.query(
          `CREATE TRIGGER fail_second_item BEFORE INSERT ON rectification_item FOR EACH ROW EXECUTE FUNCTION fail_second_item()`,
        );
        try {
          await expect(
            importReport(db.dataSource, {
              bytes: seedBytes(SEED_FILES[0]),
              fileName: 'x.txt',
              organisationName: victim.name,
            }),
          ).rejects.toThrow(/simulated failure/);
        } finally {
          await db.dataSource.query(`DROP TRIGGER fail_second_item ON rectification_item`);
        }
        expect(await db.dataSource.getRepository(ReportEntity).countBy({ organisationId: victim.id })).toBe(
          0,
        );
        expect(
          await db.dataSource.getRepository(RectificationItemEntity).countBy({ organisationId: victim.id }),
        ).toBe(0);
      });
    }
  });
}

describeItemsOn(
  'the real PostgreSQL server',
  () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    return openDatabase({ databaseUrl: process.env.DATABASE_URL });
  },
  true,
);
describeItemsOn('the embedded database (PGlite)', openMemoryDatabase, false);
