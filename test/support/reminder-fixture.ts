import { randomUUID } from 'node:crypto';
import { ChineseWorkingDayCalendar } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { importReport, transitionItem } from './item-commands';
import { addOrganisation, addUser } from './admin-fixtures';

/**
 * A three-level organisation tree with one person per role, everyone with an email address:
 * committee (grandparent supervisor) → general branch (parent supervisor) → branch (the
 * owner, who sets the measures, and a second secretary).
 */
export async function seedReminderTree(db: DataSource) {
  const tag = randomUUID().slice(0, 6);
  const committee = await addOrganisation(db, { name: `青石镇党委-${tag}` });
  const general = await addOrganisation(db, { name: `青石村党总支-${tag}`, parentName: committee.name });
  const branch = await addOrganisation(db, { name: `青石村第一党支部-${tag}`, parentName: general.name });
  const user = (username: string, organisationName: string, role: 'secretary' | 'supervisor') =>
    addUser(db, {
      username: `${username}-${tag}`,
      organisationName,
      role,
      email: `${username}-${tag}@test.example`,
    });
  const owner = await user('owner', branch.name, 'secretary');
  const secretary = await user('secretary', branch.name, 'secretary');
  const parent = await user('parent', general.name, 'supervisor');
  const grandparent = await user('grandparent', committee.name, 'supervisor');
  const email = (u: { username: string }) => `${u.username}@test.example`;
  return { tag, committee, general, branch, owner, secretary, parent, grandparent, email };
}

export type ReminderTree = Awaited<ReturnType<typeof seedReminderTree>>;

/** Imports a small report with `count` problems into the branch; returns the item ids in order. */
export async function importProblems(db: DataSource, tree: ReminderTree, count: number): Promise<string[]> {
  const titles = [
    '理论学习不够深入',
    '组织生活不够规范',
    '党员教育管理不够精细',
    '阵地建设相对薄弱',
    '带富能力还不强',
  ];
  const lines = [
    `${tree.branch.name}2024年度党建工作述职报告`,
    '一、主要工作',
    '全年组织集中学习12次。',
    '二、存在的问题',
    ...Array.from(
      { length: count },
      (_, i) => `${i + 1}. ${titles[i % titles.length]}（${tree.tag}-${i + 1}）。具体表现有待改进。`,
    ),
    '三、下步工作打算',
    '1. 加强学习。',
  ];
  const result = await importReport(db, {
    bytes: Buffer.from(lines.join('\n')),
    fileName: `report-${tree.tag}-${randomUUID().slice(0, 4)}.txt`,
    organisationName: tree.branch.name,
  });
  if (result.itemIds.length !== count) {
    throw new Error(`expected ${count} items from the fixture report, got ${result.itemIds.length}`);
  }
  return result.itemIds;
}

/** The owner sets one measure with this deadline (making them the item's owner). */
export function setDeadline(db: DataSource, tree: ReminderTree, itemId: string, deadline: string) {
  return transitionItem(db, {
    itemId,
    event: 'SET_MEASURES',
    payload: { measures: [{ title: '制定整改措施', responsible: '张三', deadline }] },
    actorUserId: tree.owner.id,
  });
}

const calendar = new ChineseWorkingDayCalendar();

/**
 * The day of the reminder specs: 12 November 2024, a Tuesday. Their items get `DEADLINE`, three
 * working days later, so each has a yellow reminder (owner only) on that day.
 */
export const SEND_ON = '2024-11-12';
export const DEADLINE = calendar.addWorkdays(SEND_ON, 3);

/** The instant `s` seconds before SEND_ON begins in Shanghai (ISO): a worker clock's start. */
export const secondsBefore = (s: number) =>
  new Date(new Date(`${SEND_ON}T00:00:00+08:00`).getTime() - s * 1000).toISOString();
