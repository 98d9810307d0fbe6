import { type ViewersRepository } from '@rectify/persistence';
import { InMemoryOrganisationsRepository } from './in-memory-organisations.repository';
import { InMemoryUsersRepository } from './in-memory-users.repository';
import { type TestPerson, viewerHolding } from './viewer-holding';

/**
 * People administration in memory: organisations 镇党委 → 甲村党支部, 乙村党支部, and the
 * accounts admin (管理员, 镇党委), zhen.shuji (书记 of 镇党委, supervising), jia.shuji and yi.shuji
 * (书记 of the two branches). The viewers are read from the accounts as they are now,
 * as the database's viewers repository does. `add` adds one more account.
 */
export async function peopleWorld() {
  const organisations = new InMemoryOrganisationsRepository();
  const addOrganisation = async (name: string, parentName: string | null) => {
    const outcome = await organisations.add({ name, kind: parentName ? 'branch' : 'committee', parentName });
    if (outcome.kind !== 'added') throw new Error(`fixture: ${outcome.kind}`);
    return outcome.organisation;
  };
  const town = await addOrganisation('镇党委', null);
  const villageA = await addOrganisation('甲村党支部', '镇党委');
  const villageB = await addOrganisation('乙村党支部', '镇党委');
  const users = new InMemoryUsersRepository(organisations);
  const viewers: ViewersRepository = {
    async findViewer(userId) {
      const user = users.rows.find((u) => u.id === userId);
      if (!user) return null;
      const positions = user.positions.map(({ organisationId, organisationPath, kind, rights }) => ({
        organisationId,
        organisationPath,
        kind,
        rights,
      }));
      return { userId, positions };
    },
  };
  const add = async (
    username: string,
    person: TestPerson,
    org: { id: string; path: string },
    displayName = username,
    passwordHash: string | null = null,
  ) => {
    const positions = viewerHolding('', person, org).positions.map(({ organisationId, kind, rights }) => ({
      organisationId,
      kind,
      rights,
    }));
    return users.add({ username, displayName, positions, organisationId: org.id, email: null, passwordHash });
  };
  const admin = await add('admin', 'admin', town, '管理员');
  const supervisor = await add('zhen.shuji', 'supervisor', town, '王镇');
  const jia = await add('jia.shuji', 'secretary', villageA, '李甲');
  const yi = await add('yi.shuji', 'secretary', villageB, '赵乙');
  return { organisations, users, viewers, town, villageA, villageB, admin, supervisor, jia, yi, add };
}
