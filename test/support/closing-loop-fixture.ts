import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type RectificationEventType } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { importReport, transitionItem } from './item-commands';
import { addOrganisation, addUser } from './admin-fixtures';

export const FIXTURES = resolve(__dirname, '../fixtures/closing-loop');

export function fixtureBytes(name: string): Buffer {
  return readFileSync(resolve(FIXTURES, name));
}

/** 青山镇党委 → 青山村第三党支部 (with its secretary), and another branch with its own secretary. */
export async function seedQingshan(db: DataSource) {
  const tag = randomUUID().slice(0, 6);
  const committee = await addOrganisation(db, { name: `青山镇党委${tag}` });
  const branch = await addOrganisation(db, { name: `青山村第三党支部${tag}`, parentName: committee.name });
  const other = await addOrganisation(db, { name: `青山村第四党支部${tag}`, parentName: committee.name });
  const user = (
    username: string,
    organisationName: string,
    role: 'secretary' | 'supervisor' | 'admin',
    displayName: string,
  ) =>
    addUser(db, {
      username: `${username}-${tag}`,
      organisationName,
      role,
      displayName,
      password: 'rectify-test',
    });
  return {
    tag,
    committee,
    branch,
    other,
    secretary: await user('sec', branch.name, 'secretary', '李明'),
    supervisor: await user('sup', committee.name, 'supervisor', '王强'),
    otherSecretary: await user('sec4', other.name, 'secretary', '赵四'),
    admin: await user('admin', committee.name, 'admin', '管理员'),
  };
}

export type Qingshan = Awaited<ReturnType<typeof seedQingshan>>;

/** The measures each 2023 problem gets, in problem order. */
export const MEASURES_2023 = [
  [
    { title: '制定年度学习计划，每月开展一次集中学习研讨', responsible: '李明', deadline: '2024-03-31' },
    { title: '开展学习心得交流评比', responsible: '李明', deadline: '2024-06-30' },
  ],
  [{ title: '建立会议记录月检查制度，支委轮流讲党课', responsible: '李明', deadline: '2024-04-30' }],
  [{ title: '开展党员示范岗、责任区创建活动', responsible: '张华', deadline: '2024-06-30' }],
  [{ title: '围绕产业发展设立党员攻坚项目', responsible: '张华', deadline: '2024-06-30' }],
  [{ title: '争取资金改造党员活动室，完善设施设备', responsible: '李明', deadline: '2024-09-30' }],
];

/**
 * Imports the 2023 report and works its five items: #1 and #2 completed through sign-off, #3
 * agreed as long-term, #4 left open with a progress note, #5 submitted but not signed off.
 */
export async function importAndWork2023(db: DataSource, q: Qingshan): Promise<string[]> {
  const imported = await importReport(db, {
    bytes: fixtureBytes('qingshan-2023.txt'),
    fileName: 'qingshan-2023.txt',
    organisationName: q.branch.name,
  });
  const ids = imported.itemIds;
  const send = (
    i: number,
    who: { id: string },
    event: RectificationEventType,
    payload: Record<string, unknown>,
  ) => transitionItem(db, { itemId: ids[i], actorUserId: who.id, event, payload });
  for (const [i, measures] of MEASURES_2023.entries())
    await send(i, q.secretary, 'SET_MEASURES', { measures });
  await send(0, q.secretary, 'SUBMIT_COMPLETION', { evidence: '全年集中学习12次，党员撰写心得体会36篇' });
  await send(0, q.supervisor, 'APPROVE_COMPLETION', { comment: '同意销号' });
  await send(1, q.secretary, 'SUBMIT_COMPLETION', { evidence: '会议记录按月检查，支委轮流讲党课4次' });
  await send(1, q.supervisor, 'APPROVE_COMPLETION', {});
  await send(2, q.supervisor, 'APPROVE_LONG_TERM', {
    reviewIntervalDays: 90,
    reason: '党员作用发挥需长期坚持',
  });
  await send(2, q.secretary, 'RECORD_LONG_TERM_REVIEW', { note: '已设立党员示范岗6个、责任区4个' });
  await send(3, q.secretary, 'ADD_PROGRESS_NOTE', { note: '已选定2个党员攻坚项目' });
  await send(4, q.secretary, 'SUBMIT_COMPLETION', { evidence: '活动室改造已完工' });
  return ids;
}
