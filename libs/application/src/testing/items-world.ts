import { type Viewer } from '@rectify/workflow';
import { InMemoryItemsRepository } from './in-memory-items.repository';
import { type TestPerson, viewerHolding } from './viewer-holding';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * People and an item in memory, for the item commands' unit tests: 镇党委 (/town/) above
 * 甲村党支部 (/town/a/) and 乙村党支部 (/town/b/); an administrator and a supervising 书记 at the
 * town, a 组织委员 (supervises, works nothing) and a secretary at 甲村, a secretary at 乙村; one
 * item of 甲村 at version 1.
 */
export function itemsWorld() {
  const items = new InMemoryItemsRepository();
  const person = (n: number, kind: TestPerson, organisationPath: string): Viewer => {
    const p = viewerHolding(uuid(n), kind, { id: organisationPath, path: organisationPath });
    items.addPerson(p);
    return p;
  };
  const admin = person(1, 'admin', '/town/');
  const townSupervisor = person(2, 'supervisor', '/town/');
  const villageSupervisor: Viewer = {
    userId: uuid(3),
    positions: [
      {
        organisationId: '/town/a/',
        organisationPath: '/town/a/',
        kind: 'organising_member',
        rights: ['supervise'],
      },
    ],
  };
  items.addPerson(villageSupervisor);
  const secretary = person(4, 'secretary', '/town/a/');
  const otherSecretary = person(5, 'secretary', '/town/b/');
  const item = items.addItem({ id: uuid(100), organisationPath: '/town/a/' });
  return {
    items,
    admin,
    townSupervisor,
    villageSupervisor,
    secretary,
    otherSecretary,
    item,
    unknownId: uuid(999),
  };
}
