import { randomUUID } from 'node:crypto';
import {
  type DirectorySnapshot,
  type ExistingOrganisation,
  type ExistingPerson,
  type OrganisationKind,
  type PlannedPosition,
  type PositionKind,
  positionKey,
} from '@rectify/domain';
import { type DataSource, type EntityManager } from 'typeorm';
import {
  type DirectoryImportRepository,
  type DirectoryNewPerson,
  type DirectoryWrite,
  type DirectoryWriteOutcome,
} from './directory-import.repository';

/** Thrown inside the write's transaction to roll it back when the database changed meanwhile. */
class ChangedMeanwhile extends Error {}

/** DirectoryImportRepository on PostgreSQL (or PGlite): arrays bound once, unnest()ed in SQL. */
export class PgDirectoryImportRepository implements DirectoryImportRepository {
  constructor(private readonly db: DataSource) {}

  async snapshot(lookups: { organisationNames: string[]; usernames: string[] }): Promise<DirectorySnapshot> {
    const orgRows: {
      id: string;
      name: string;
      kind: OrganisationKind;
      parent_name: string | null;
      path: string;
      disabled: boolean;
    }[] = await this.db.query(
      `SELECT o.id, o.name, o.kind, p.name AS parent_name, o.path, o.disabled
         FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_id
        WHERE o.name = ANY($1::text[])`,
      [lookups.organisationNames],
    );
    const userRows: {
      id: string;
      username: string;
      display_name: string;
      phone: string | null;
      email: string | null;
      disabled: boolean;
    }[] = await this.db.query(
      `SELECT id, username, display_name, phone, email, disabled FROM app_user WHERE username = ANY($1::text[])`,
      [lookups.usernames],
    );
    const positionRows: { user_id: string; organisation_id: string; kind: PositionKind }[] =
      await this.db.query(
        `SELECT user_id, organisation_id, kind FROM position WHERE user_id = ANY($1::uuid[])`,
        [userRows.map((u) => u.id)],
      );
    return {
      organisations: new Map(
        orgRows.map((o): [string, ExistingOrganisation] => [
          o.name,
          {
            id: o.id,
            name: o.name,
            kind: o.kind,
            parentName: o.parent_name,
            path: o.path,
            disabled: o.disabled,
          },
        ]),
      ),
      people: new Map(
        userRows.map((u): [string, ExistingPerson] => [
          u.username,
          {
            id: u.id,
            username: u.username,
            displayName: u.display_name,
            phone: u.phone,
            email: u.email,
            disabled: u.disabled,
          },
        ]),
      ),
      positions: new Set(positionRows.map((p) => positionKey(p.user_id, p.organisation_id, p.kind))),
    };
  }

  async write(plan: DirectoryWrite): Promise<DirectoryWriteOutcome> {
    try {
      return await this.db.transaction(async (m) => {
        const organisationIds = await insertOrganisations(m, plan);
        const userIds = await insertPeople(m, plan.people, organisationIds);
        const positions = await insertPositions(m, plan.positions, organisationIds, userIds);
        return {
          kind: 'written',
          organisations: organisationIds.size,
          people: userIds.size,
          positions,
        } as const;
      });
    } catch (err) {
      if (err instanceof ChangedMeanwhile) return { kind: 'changed_meanwhile' };
      throw err;
    }
  }
}

/**
 * Inserts the new organisations in one statement, ids drawn here so that each path (its
 * parent's path plus its id) is known before the insert. Returns the new ids by name.
 */
async function insertOrganisations(m: EntityManager, plan: DirectoryWrite): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (plan.organisations.length === 0) return ids;
  const parentIds = [
    ...new Set(plan.organisations.flatMap((o) => ('existingId' in o.parent ? [o.parent.existingId] : []))),
  ];
  const parents: { id: string; path: string }[] = await m.query(
    `SELECT id, path FROM organisation WHERE id = ANY($1::uuid[]) AND NOT disabled FOR SHARE`,
    [parentIds],
  );
  if (parents.length !== parentIds.length) throw new ChangedMeanwhile();
  const paths = new Map(parents.map((p) => [p.id, p.path]));
  const rows = plan.organisations.map((o) => {
    const id = randomUUID();
    const parentId = 'existingId' in o.parent ? o.parent.existingId : ids.get(o.parent.newName)!;
    const path = `${paths.get(parentId)!}${id}/`;
    ids.set(o.name, id);
    paths.set(id, path);
    return { id, name: o.name, kind: o.kind, parentId, path };
  });
  const inserted: unknown[] = await m.query(
    `INSERT INTO organisation (id, name, kind, parent_id, path)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[])
     ON CONFLICT (name) DO NOTHING RETURNING id`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.name),
      rows.map((r) => r.kind),
      rows.map((r) => r.parentId),
      rows.map((r) => r.path),
    ],
  );
  if (inserted.length !== rows.length) throw new ChangedMeanwhile();
  return ids;
}

/** Inserts the new accounts in one statement; returns their ids by username. */
async function insertPeople(
  m: EntityManager,
  people: DirectoryNewPerson[],
  organisationIds: Map<string, string>,
): Promise<Map<string, string>> {
  if (people.length === 0) return new Map();
  const orgId = (ref: { existingId: string } | { newName: string }) =>
    'existingId' in ref ? ref.existingId : organisationIds.get(ref.newName)!;
  const inserted: { id: string; username: string }[] = await m.query(
    `INSERT INTO app_user (username, display_name, organisation_id, email, phone, password_hash, must_change_password)
     SELECT u.username, u.display_name, u.organisation_id, u.email, u.phone, u.password_hash, true
       FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[])
         AS u(username, display_name, organisation_id, email, phone, password_hash)
     ON CONFLICT (username) DO NOTHING RETURNING id, username`,
    [
      people.map((p) => p.username),
      people.map((p) => p.displayName),
      people.map((p) => orgId(p.home)),
      people.map((p) => p.email),
      people.map((p) => p.phone),
      people.map((p) => p.passwordHash),
    ],
  );
  if (inserted.length !== people.length) throw new ChangedMeanwhile();
  return new Map(inserted.map((u) => [u.username, u.id]));
}

/** Inserts the positions in one statement; one already held (a concurrent identical import) is skipped. */
async function insertPositions(
  m: EntityManager,
  positions: PlannedPosition[],
  organisationIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<number> {
  if (positions.length === 0) return 0;
  const inserted: unknown[] = await m.query(
    `INSERT INTO position (user_id, organisation_id, kind, works_items, supervises)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::boolean[])
     ON CONFLICT ON CONSTRAINT position_once DO NOTHING RETURNING id`,
    [
      positions.map((p) =>
        'existingId' in p.person ? p.person.existingId : userIds.get(p.person.newUsername)!,
      ),
      positions.map((p) =>
        'existingId' in p.organisation
          ? p.organisation.existingId
          : organisationIds.get(p.organisation.newName)!,
      ),
      positions.map((p) => p.kind),
      positions.map((p) => p.worksItems),
      positions.map((p) => p.supervises),
    ],
  );
  return inserted.length;
}
