import { type Viewer } from '@rectify/workflow';
import { InMemoryOrganisationsRepository } from './in-memory-organisations.repository';
import { InMemoryUsersRepository } from './in-memory-users.repository';
import { InMemoryViewersRepository } from './in-memory-viewers.repository';
import { type TestPerson, viewerHolding } from './viewer-holding';

/**
 * In-memory organisations 镇党委 → 甲村党支部 and 乙村党支部, and one viewer of each kind of person (TestPerson):
 * an administrator and a supervisor at 镇党委, a secretary at 甲村党支部.
 */
export async function adminWorld() {
  const organisations = new InMemoryOrganisationsRepository();
  const add = async (name: string, parentName: string | null) => {
    const outcome = await organisations.add({ name, kind: parentName ? 'branch' : 'committee', parentName });
    if (outcome.kind !== 'added') throw new Error(`fixture: ${outcome.kind}`);
    return outcome.organisation;
  };
  const town = await add('镇党委', null);
  const villageA = await add('甲村党支部', '镇党委');
  const villageB = await add('乙村党支部', '镇党委');
  const viewer = (userId: string, person: TestPerson, org: { id: string; path: string }): Viewer =>
    viewerHolding(userId, person, org);
  const admin = viewer('00000000-0000-4000-8000-000000000001', 'admin', town);
  const supervisor = viewer('00000000-0000-4000-8000-000000000002', 'supervisor', town);
  const secretary = viewer('00000000-0000-4000-8000-000000000003', 'secretary', villageA);
  return {
    organisations,
    users: new InMemoryUsersRepository(organisations),
    viewers: new InMemoryViewersRepository([admin, supervisor, secretary]),
    town,
    villageA,
    villageB,
    admin,
    supervisor,
    secretary,
  };
}
