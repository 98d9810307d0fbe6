import { randomUUID } from 'node:crypto';
import { CREATED_ITEM_LIMITS } from '@rectify/domain';
import { InMemoryItemsRepository } from '../testing/in-memory-items.repository';
import { InMemoryOrganisationsRepository } from '../testing/in-memory-organisations.repository';
import { InMemoryViewersRepository } from '../testing/in-memory-viewers.repository';
import { TREE, viewerIn } from '../testing/item-detail-records';
import { CreateItemsUseCase } from './create-items.usecase';

/** 镇党委 above 甲村 and 乙村; a town supervisor, an administrator, 甲村's secretary and supervisor. */
function world() {
  const items = new InMemoryItemsRepository();
  const organisations = new InMemoryOrganisationsRepository();
  for (const o of [TREE.town, TREE.branchA, TREE.branchB]) {
    items.addOrganisation(o.id, o.path);
    organisations.rows.push({
      ...o,
      kind: o === TREE.town ? 'committee' : 'branch',
      parentId: o === TREE.town ? null : TREE.town.id,
      disabled: false,
      createdAt: new Date(),
    });
  }
  const townSupervisor = viewerIn('supervisor', TREE.town);
  const admin = viewerIn('admin', TREE.town);
  const secretary = viewerIn('secretary', TREE.branchA);
  const branchSupervisor = viewerIn('supervisor', TREE.branchA);
  const viewers = new InMemoryViewersRepository([townSupervisor, admin, secretary, branchSupervisor]);
  const useCase = new CreateItemsUseCase({ items, organisations, viewers }, () => '2026-11-30');
  return { items, organisations, useCase, townSupervisor, admin, secretary, branchSupervisor };
}

describe('CreateItemsUseCase', () => {
  it('creates one item per line of a pasted list, identified, in the current year, with a CREATE line', async () => {
    const { items, useCase, townSupervisor } = world();
    const result = await useCase.execute({
      actorUserId: townSupervisor.userId,
      organisationId: TREE.branchA.id,
      source: 'superior_review',
      deadline: '2027-03-31',
      reason: '2026年度述职评议会议点评',
      list: '1. 理论学习不够深入\n\n2、组织生活不够规范\n（三）联系群众不够紧密\n',
    });
    expect(result.year).toBe(2026);
    expect(result.items.map((i) => [i.seq, i.title])).toEqual([
      [1, '理论学习不够深入'],
      [2, '组织生活不够规范'],
      [3, '联系群众不够紧密'],
    ]);
    expect(items.item(result.items[0].id)).toMatchObject({
      status: 'identified',
      source: 'superior_review',
      year: 2026,
      reportId: null,
      deadline: '2027-03-31',
      createdBy: townSupervisor.userId,
      organisationPath: TREE.branchA.path,
    });
    expect(items.history).toHaveLength(3);
    expect(items.history[0]).toMatchObject({
      event: 'CREATE',
      seq: 1,
      actor: { userId: townSupervisor.userId, role: 'supervisor' },
      payload: {
        source: 'superior_review',
        year: 2026,
        deadline: '2027-03-31',
        reason: '2026年度述职评议会议点评',
      },
    });
    expect(items.outbox).toEqual([]);
  });

  it('numbers a second batch of the same year after the first', async () => {
    const { useCase, admin } = world();
    const base = {
      actorUserId: admin.userId,
      organisationId: TREE.branchA.id,
      source: 'other' as const,
      year: 2025,
    };
    await useCase.execute({ ...base, problems: [{ title: '问题一', detail: '具体表现' }] });
    const second = await useCase.execute({ ...base, problems: [{ title: '问题二' }] });
    expect(second.items[0].seq).toBe(2);
  });

  it('refuses a secretary and a supervisor for their own organisation (403), and hides organisations out of scope (404)', async () => {
    const { useCase, secretary, branchSupervisor } = world();
    const ask = (actorUserId: string, organisationId: string) =>
      useCase.execute({ actorUserId, organisationId, source: 'superior_review', list: '问题' });
    await expect(ask(secretary.userId, TREE.branchA.id)).rejects.toMatchObject({
      code: 'ACTOR_NOT_PERMITTED',
      message: expect.stringContaining('只有上级党组织或管理员'),
    });
    await expect(ask(branchSupervisor.userId, TREE.branchA.id)).rejects.toMatchObject({
      code: 'ACTOR_NOT_PERMITTED',
    });
    await expect(ask(branchSupervisor.userId, TREE.branchB.id)).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
    });
    await expect(ask(branchSupervisor.userId, randomUUID())).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
    });
  });

  it('refuses bad input with Chinese messages and writes nothing', async () => {
    const { items, useCase, townSupervisor } = world();
    const base = {
      actorUserId: townSupervisor.userId,
      organisationId: TREE.branchA.id,
      source: 'superior_review' as const,
    };
    const tooMany = Array.from({ length: CREATED_ITEM_LIMITS.maxItems + 1 }, (_, i) => `问题${i}`).join('\n');
    for (const [bad, words] of [
      [{ list: '\n \n' }, '问题清单为空'],
      [{ list: tooMany }, '一次最多新建200个'],
      [
        { list: '长'.repeat(CREATED_ITEM_LIMITS.maxTitleLength + 1) },
        `超过${CREATED_ITEM_LIMITS.maxTitleLength}个字`,
      ],
      [{ problems: [{ title: '甲', detail: '长'.repeat(5001) }] }, '描述超过'],
      [{ list: '甲', problems: [{ title: '乙' }] }, '二者选一'],
      [{}, '二者选一'],
      [{ list: '甲', source: 'self_inspection' as never }, '不能手工新建'],
      [{ list: '甲', year: 1800 }, '所属年度'],
      [{ list: '甲', deadline: '2027-02-30' }, '建议完成时限'],
    ] as const) {
      await expect(useCase.execute({ ...base, ...(bad as object) })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining(words),
      });
    }
    expect(items.items).toEqual([]);
  });

  it('refuses a disabled (已停用) organisation with ORGANISATION_DISABLED and writes nothing', async () => {
    const { items, organisations, useCase, townSupervisor } = world();
    await organisations.setDisabled(TREE.branchA.id, true);
    await expect(
      useCase.execute({
        actorUserId: townSupervisor.userId,
        organisationId: TREE.branchA.id,
        source: 'superior_review',
        list: '理论学习不够深入',
      }),
    ).rejects.toMatchObject({
      code: 'ORGANISATION_DISABLED',
      message: expect.stringContaining('已停用，不能新建整改事项'),
    });
    expect(items.items).toEqual([]);
  });
});
