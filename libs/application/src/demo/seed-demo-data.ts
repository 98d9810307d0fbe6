import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChineseWorkingDayCalendar, shanghaiDate } from '@rectify/domain';
import { OrganisationEntity, type OrganisationKind, UserEntity, type UserRole } from '@rectify/persistence';
import { type DataSource } from 'typeorm';
import { addOrganisation } from '../organisations/add-organisation.usecase';
import { NEXT_YEAR_REPORT_NAME, NEXT_YEAR_REPORT_TEXT } from './next-year-report';
import { importReport } from '../import-report/import-report.usecase';
import { addUser, findUserByUsername } from '../users/add-user.usecase';
import { transitionItem } from '../transition-item/transition-item.usecase';

/**
 * Demo data for a newcomer: a small organisation tree (镇党委 → 村党总支 → 村党支部), a user
 * for each role, and the example reports imported into the branches. Safe to run again: what
 * exists is left as it is.
 */
const ORGANISATIONS: { name: string; kind: OrganisationKind; parent?: string }[] = [
  { name: '青石镇党委', kind: 'committee' },
  { name: '青石村党总支', kind: 'general_branch', parent: '青石镇党委' },
  { name: '青石村第一党支部', kind: 'branch', parent: '青石村党总支' },
  { name: '青石村第二党支部', kind: 'branch', parent: '青石村党总支' },
  { name: '白沙社区党支部', kind: 'branch', parent: '青石镇党委' },
  { name: '镇机关党支部', kind: 'branch', parent: '青石镇党委' },
];

const USERS: { username: string; displayName: string; role: UserRole; organisation: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', organisation: '青石镇党委' },
  { username: 'zhen.shuji', displayName: '镇党委书记', role: 'supervisor', organisation: '青石镇党委' },
  {
    username: 'zongzhi.shuji',
    displayName: '村党总支书记',
    role: 'supervisor',
    organisation: '青石村党总支',
  },
  {
    username: 'diyi.shuji',
    displayName: '第一党支部书记',
    role: 'secretary',
    organisation: '青石村第一党支部',
  },
  {
    username: 'dier.shuji',
    displayName: '第二党支部书记',
    role: 'secretary',
    organisation: '青石村第二党支部',
  },
  {
    username: 'baisha.shuji',
    displayName: '白沙社区党支部书记',
    role: 'secretary',
    organisation: '白沙社区党支部',
  },
  {
    username: 'jiguan.shuji',
    displayName: '镇机关党支部书记',
    role: 'secretary',
    organisation: '镇机关党支部',
  },
];

/** The demo users' password: for trying the product locally, never for real data. */
export const DEMO_PASSWORD = 'rectify-demo';

// The example reports, in file-name order, go to these organisations.
const REPORT_OWNERS = [
  '青石村党总支',
  '青石村第一党支部',
  '镇机关党支部',
  '白沙社区党支部',
  '青石村第二党支部',
];

export interface DemoSeedResult {
  organisations: number;
  users: string[];
  reportsImported: number;
  itemsCreated: number;
  skippedReports: string[];
}

export async function seedDemoData(db: DataSource, reportsDir: string | null): Promise<DemoSeedResult> {
  const orgs = db.getRepository(OrganisationEntity);
  for (const org of ORGANISATIONS) {
    if (!(await orgs.findOneBy({ name: org.name })))
      await addOrganisation(db, { name: org.name, parentName: org.parent, kind: org.kind });
  }
  const users = db.getRepository(UserEntity);
  for (const user of USERS) {
    if (!(await users.findOneBy({ username: user.username }))) {
      await addUser(db, {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        organisationName: user.organisation,
        password: DEMO_PASSWORD,
        // Reminder emails in development land in the mailbox the API shows administrators.
        email: `${user.username}@qingshi.example`,
      });
    }
  }
  const result: DemoSeedResult = {
    organisations: ORGANISATIONS.length,
    users: USERS.map((u) => u.username),
    reportsImported: 0,
    itemsCreated: 0,
    skippedReports: [],
  };
  const files = reportsDir ? listReports(reportsDir) : [];
  for (const [i, file] of files.slice(0, REPORT_OWNERS.length).entries()) {
    const imported = await importReport(db, {
      bytes: readFileSync(join(reportsDir as string, file)),
      fileName: file,
      organisationName: REPORT_OWNERS[i],
    });
    if (imported.created) {
      result.reportsImported++;
      result.itemsCreated += imported.itemIds.length;
      if (REPORT_OWNERS[i] === DEMO_MEASURES_ORGANISATION) await setDemoMeasures(db, imported.itemIds);
      if (REPORT_OWNERS[i] === NEXT_YEAR_ORGANISATION) await workLastYearItems(db, imported.itemIds);
    } else {
      result.skippedReports.push(file);
    }
  }
  // The general branch's next-year report, so the loop can be seen closing: its 上年度整改情况
  // claims one item done that was not signed off, leaves one out, and repeats a problem.
  if (files.length >= REPORT_OWNERS.length) {
    const next = await importReport(db, {
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

const NEXT_YEAR_ORGANISATION = '青石村党总支';

/** The general branch's first 2023 item is rectified and signed off; the others stay open. */
async function workLastYearItems(db: DataSource, itemIds: string[]): Promise<void> {
  const admin = await findUserByUsername(db, 'admin');
  const supervisor = await findUserByUsername(db, 'zhen.shuji');
  const send = (
    actorUserId: string,
    event: 'SET_MEASURES' | 'SUBMIT_COMPLETION' | 'APPROVE_COMPLETION',
    payload: Record<string, unknown>,
  ) => transitionItem(db, { itemId: itemIds[0], event, payload, actorUserId });
  await send(admin.id, 'SET_MEASURES', {
    measures: [
      { title: '制定年度学习计划，每月开展集中学习', responsible: '村党总支书记', deadline: '2024-06-30' },
    ],
  });
  await send(admin.id, 'SUBMIT_COMPLETION', { evidence: '全年集中学习12次，党员撰写学习心得42篇' });
  await send(supervisor.id, 'APPROVE_COMPLETION', { comment: '同意销号' });
}

// One branch's first items get measures with deadlines around today, so a newcomer sees a red,
// a yellow and a green item, and the reminder emails they cause.
const DEMO_MEASURES_ORGANISATION = '青石村第一党支部';
const DEMO_DEADLINES_IN_WORKDAYS = [-2, 2, 30];

async function setDemoMeasures(db: DataSource, itemIds: string[]): Promise<void> {
  const calendar = new ChineseWorkingDayCalendar();
  const today = shanghaiDate(new Date());
  const secretary = await findUserByUsername(db, 'diyi.shuji');
  for (const [k, itemId] of itemIds.slice(0, DEMO_DEADLINES_IN_WORKDAYS.length).entries()) {
    await transitionItem(db, {
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

function listReports(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.(txt|md|docx)$/i.test(f))
      .sort();
  } catch {
    return [];
  }
}
