import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryOrganisationPeopleRepository } from '../testing/in-memory-organisation-people.repository';
import { ListOrganisationPeopleUseCase, ORGANISATION_PEOPLE_LIMIT } from './list-organisation-people.usecase';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function world() {
  const w = await adminWorld();
  const organisationPeople = new InMemoryOrganisationPeopleRepository();
  organisationPeople.add(w.villageA.id, { id: id(301), displayName: '张三', positions: ['secretary'] });
  organisationPeople.add(w.villageA.id, { id: id(302), displayName: '李四', positions: [] });
  const uc = new ListOrganisationPeopleUseCase({
    viewers: w.viewers,
    organisations: w.organisations,
    organisationPeople,
  });
  return { ...w, organisationPeople, uc };
}

describe('ListOrganisationPeopleUseCase', () => {
  it('lists the people of an organisation the viewer may read, by name, with their positions there', async () => {
    const { uc, secretary, supervisor, villageA } = await world();
    for (const viewer of [secretary, supervisor]) {
      const answer = await uc.execute({ userId: viewer.userId, organisationId: villageA.id });
      expect(answer).toEqual({
        people: [
          { id: id(301), displayName: '张三', positions: ['secretary'] },
          { id: id(302), displayName: '李四', positions: [] },
        ],
        truncated: false,
      });
    }
  });

  it('answers an organisation outside the viewer’s scope, a missing one or a malformed id as not found', async () => {
    const { uc, secretary, villageB } = await world();
    for (const organisationId of [villageB.id, id(999), 'not-a-uuid']) {
      await expect(uc.execute({ userId: secretary.userId, organisationId })).rejects.toMatchObject({
        code: 'ORGANISATION_NOT_FOUND',
        message: '组织不存在，或不在您的管理范围内：请检查所选组织。',
      });
    }
  });

  it(`lists at most ${ORGANISATION_PEOPLE_LIMIT} people and says when there are more`, async () => {
    const { uc, organisationPeople, admin, villageB } = await world();
    for (let n = 0; n <= ORGANISATION_PEOPLE_LIMIT; n++) {
      organisationPeople.add(villageB.id, {
        id: id(1000 + n),
        displayName: `党员${String(n).padStart(3, '0')}`,
        positions: [],
      });
    }
    const answer = await uc.execute({ userId: admin.userId, organisationId: villageB.id });
    expect(answer.people).toHaveLength(ORGANISATION_PEOPLE_LIMIT);
    expect(answer.truncated).toBe(true);
  });
});
