import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChineseWorkingDayCalendar, shanghaiDate } from '@rectify/domain';
import { type ItemsRepository, type UsersRepository } from '@rectify/persistence';
import { AddOrganisationUseCase } from '../add-organisation/add-organisation.usecase';
import { AddUserUseCase } from '../add-user/add-user.usecase';
import { ImportReportUseCase, type ImportReportPorts } from '../import-report/import-report.usecase';
import { TransitionItemUseCase } from '../transition-item/transition-item.usecase';
import { requireUserNamed } from '../users/require-user-named';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_REPORT_OWNERS, DEMO_USERS } from './demo-fixtures';
import { NEXT_YEAR_REPORT_NAME, NEXT_YEAR_REPORT_TEXT } from './next-year-report';

export interface SeedDemoDataCommand {
  /** The example reports (.txt, .md, .docx, in file-name order); null imports none. */
  reportsDir: string | null;
}

export interface DemoSeedResult {
  organisations: number;
  users: string[];
  reportsImported: number;
  itemsCreated: number;
  skippedReports: string[];
}

/** The repositories demo seeding works through: the import's, people, and the items. */
export type SeedDemoDataPorts = ImportReportPorts & { users: UsersRepository; items: ItemsRepository };

const NEXT_YEAR_ORGANISATION = '青石村党总支';

// One branch's first items get measures with deadlines around today, so a newcomer sees a red,
// a yellow and a green item, and the reminder emails they cause.
const DEMO_MEASURES_ORGANISATION = '青石村第一党支部';
const DEMO_DEADLINES_IN_WORKDAYS = [-2, 2, 30];

/**
 * Demo data for a newcomer (演示数据): a small organisation tree (镇党委 → 村党总支 → 村党支部), a
 * user for each role (password DEMO_PASSWORD), and the example reports imported into the
 * branches, some items worked on. Safe to run again: what exists is left as it is. Errors: those
 * of the import and the transitions (a malformed example report, say).
 */
export class SeedDemoDataUseCase {
  constructor(private readonly ports: SeedDemoDataPorts) {}

  async execute(command: SeedDemoDataCommand): Promise<DemoSeedResult> {
    await this.seedPeople();
    const { reportsDir } = command;
    const importReport = new ImportReportUseCase(this.ports);
    const result: DemoSeedResult = {
      organisations: DEMO_ORGANISATIONS.length,
      users: DEMO_USERS.map((u) => u.username),
      reportsImported: 0,
      itemsCreated: 0,
      skippedReports: [],
    };
    const files = reportsDir ? listReports(reportsDir) : [];
    for (const [i, file] of files.slice(0, DEMO_REPORT_OWNERS.length).entries()) {
      const imported = await importReport.execute({
        bytes: readFileSync(join(reportsDir as string, file)),
        fileName: file,
        organisationName: DEMO_REPORT_OWNERS[i],
      });
      if (imported.created) {
        result.reportsImported++;
        result.itemsCreated += imported.itemIds.length;
        if (DEMO_REPORT_OWNERS[i] === DEMO_MEASURES_ORGANISATION)
          await this.setDemoMeasures(imported.itemIds);
        if (DEMO_REPORT_OWNERS[i] === NEXT_YEAR_ORGANISATION) await this.workLastYearItems(imported.itemIds);
      } else {
        result.skippedReports.push(file);
      }
    }
    // The general branch's next-year report, so the loop can be seen closing: its 上年度整改情况
    // claims one item done that was not signed off, leaves one out, and repeats a problem.
    if (files.length >= DEMO_REPORT_OWNERS.length) {
      const next = await importReport.execute({
        bytes: Buffer.from(NEXT_YEAR_REPORT_TEXT, 'utf8'),
        fileName: NEXT_YEAR_REPORT_NAME,
        organisationName: NEXT_YEAR_ORGANISATION,
      });
      if (next.created) {
        result.reportsImported++;
        result.itemsCreated += next.itemIds.length;
      } else {
        result.skippedReports.push(NEXT_YEAR_REPORT_NAME);
      }
    }
    return result;
  }

  private async seedPeople(): Promise<void> {
    const { organisations, users, viewers } = this.ports;
    const addOrganisation = new AddOrganisationUseCase(organisations, viewers);
    for (const org of DEMO_ORGANISATIONS) {
      if (!(await organisations.findByName('operator', org.name))) {
        await addOrganisation.execute({
          by: 'operator',
          name: org.name,
          parent: org.parent ? { name: org.parent } : undefined,
          kind: org.kind,
        });
      }
    }
    const addUser = new AddUserUseCase(users, organisations, viewers);
    for (const user of DEMO_USERS) {
      if (!(await users.findByUsername(user.username))) {
        await addUser.execute({
          by: 'operator',
          username: user.username,
          displayName: user.displayName,
          organisation: { name: user.organisation },
          positions: user.positions.map((p) => ({
            kind: p.kind,
            ...(p.organisation ? { organisation: { name: p.organisation } } : {}),
          })),
          password: DEMO_PASSWORD,
          // Reminder emails in development land in the mailbox the API shows administrators.
          email: `${user.username}@qingshi.example`,
        });
      }
    }
  }

  /** The general branch's first 2023 item is rectified and signed off; the others stay open. */
  private async workLastYearItems(itemIds: string[]): Promise<void> {
    const admin = await requireUserNamed(this.ports.users, 'admin');
    const supervisor = await requireUserNamed(this.ports.users, 'zhen.shuji');
    const transitions = new TransitionItemUseCase(this.ports.items);
    const send = (
      actorUserId: string,
      event: 'SET_MEASURES' | 'SUBMIT_COMPLETION' | 'APPROVE_COMPLETION',
      payload: Record<string, unknown>,
    ) => transitions.execute({ itemId: itemIds[0], event, payload, actorUserId });
    await send(admin.id, 'SET_MEASURES', {
      measures: [
        { title: '制定年度学习计划，每月开展集中学习', responsible: '村党总支书记', deadline: '2024-06-30' },
      ],
    });
    await send(admin.id, 'SUBMIT_COMPLETION', { evidence: '全年集中学习12次，党员撰写学习心得42篇' });
    await send(supervisor.id, 'APPROVE_COMPLETION', { comment: '同意销号' });
  }

  private async setDemoMeasures(itemIds: string[]): Promise<void> {
    const calendar = new ChineseWorkingDayCalendar();
    const today = shanghaiDate(new Date());
    const secretary = await requireUserNamed(this.ports.users, 'diyi.shuji');
    const transitions = new TransitionItemUseCase(this.ports.items);
    for (const [k, itemId] of itemIds.slice(0, DEMO_DEADLINES_IN_WORKDAYS.length).entries()) {
      await transitions.execute({
        itemId,
        event: 'SET_MEASURES',
        payload: {
          measures: [
            {
              title: '制定整改方案并逐项落实',
              responsible: '第一党支部书记',
              deadline: calendar.addWorkdays(today, DEMO_DEADLINES_IN_WORKDAYS[k]),
            },
          ],
        },
        actorUserId: secretary.id,
      });
    }
  }
}

function listReports(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.(txt|md|docx)$/i.test(f))
      .sort();
  } catch {
    return [];
  }
}
