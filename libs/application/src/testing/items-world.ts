import { type CommandActorRecord } from '@rectify/persistence';
import { InMemoryItemsRepository } from './in-memory-items.repository';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * People and an item in memory, for the item commands' unit tests: 镇党委 (/town/) above
 * 甲村党支部 (/town/a/) and 乙村党支部 (/town/b/); an administrator and a supervisor at the town,
 * a supervisor and a secretary at 甲村, a secretary at 乙村; one item of 甲村 at version 1.
 */
export function itemsWorld() {
  const items = new InMemoryItemsRepository();
  const person = (n: number, role: CommandActorRecord['role'], organisationPath: string) => {
    const p = { userId: uuid(n), role, organisationPath };
    items.addPerson(p);
    return p;
  };
  const admin = person(1, 'admin', '/town/');
  const townSupervisor = person(2, 'supervisor', '/town/');
  const villageSupervisor = person(3, 'supervisor', '/town/a/');
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
