import { randomUUID } from 'node:crypto';
import {
  type DirectorySnapshot,
  type ExistingOrganisation,
  type ExistingPerson,
  positionKey,
} from '@rectify/domain';
import {
  type DirectoryImportRepository,
  type DirectoryWrite,
  type DirectoryWriteOutcome,
} from '@rectify/persistence';

/** DirectoryImportRepository in memory, for unit tests; `hashes` keeps each new account's hash. */
export class InMemoryDirectoryImportRepository implements DirectoryImportRepository {
  readonly organisations = new Map<string, ExistingOrganisation>();
  readonly people = new Map<string, ExistingPerson>();
  readonly positions = new Set<string>();
  readonly hashes = new Map<string, string>();

  /** Starts with these organisations (their paths as given). */
  constructor(organisations: ExistingOrganisation[] = []) {
    for (const o of organisations) this.organisations.set(o.name, o);
  }

  async snapshot(lookups: { organisationNames: string[]; usernames: string[] }): Promise<DirectorySnapshot> {
    const people = new Map(
      lookups.usernames.flatMap((u) => (this.people.has(u) ? [[u, this.people.get(u)!] as const] : [])),
    );
    const ids = new Set([...people.values()].map((p) => p.id));
    return {
      organisations: new Map(
        lookups.organisationNames.flatMap((n) =>
          this.organisations.has(n) ? [[n, this.organisations.get(n)!] as const] : [],
        ),
      ),
      people,
      positions: new Set([...this.positions].filter((k) => ids.has(k.split('|')[0]))),
    };
  }

  async write(plan: DirectoryWrite): Promise<DirectoryWriteOutcome> {
    const byId = new Map([...this.organisations.values()].map((o) => [o.id, o]));
    const orgId = (ref: { existingId: string } | { newName: string }) =>
      'existingId' in ref ? ref.existingId : this.organisations.get(ref.newName)!.id;
    for (const o of plan.organisations) {
      const parent = byId.get(orgId(o.parent))!;
      const id = randomUUID();
      const created = {
        id,
        name: o.name,
        kind: o.kind,
        parentName: parent.name,
        path: `${parent.path}${id}/`,
        disabled: false,
      };
      this.organisations.set(o.name, created);
      byId.set(id, created);
    }
    for (const p of plan.people) {
      this.people.set(p.username, {
        id: randomUUID(),
        username: p.username,
        displayName: p.displayName,
        phone: p.phone,
        email: p.email,
        disabled: false,
      });
      this.hashes.set(p.username, p.passwordHash);
    }
    for (const p of plan.positions) {
      const userId =
        'existingId' in p.person ? p.person.existingId : this.people.get(p.person.newUsername)!.id;
      this.positions.add(positionKey(userId, orgId(p.organisation), p.kind));
    }
    return {
      kind: 'written',
      organisations: plan.organisations.length,
      people: plan.people.length,
      positions: plan.positions.length,
    };
  }
}
