import { type OrganisationKind } from '../organisation-kind';
import { type PositionKind } from '../positions';
import { checkDirectoryOrganisations, placeNewOrganisations } from './check-directory-organisations';
import { checkDirectoryPeople, planDirectoryPositions } from './check-directory-people';
import { checkDirectoryRows } from './check-directory-rows';
import { type DirectorySnapshot } from './directory-snapshot';
import {
  DIRECTORY_COLUMNS,
  type DirectoryColumn,
  type DirectoryProblem,
  type DirectoryRow,
} from './directory-template';

/** An organisation of the file, by id when it exists, by name when the import creates it. */
export type OrganisationRef = { existingId: string } | { newName: string };

/** A person of the file, by id when the account exists, by username when the import creates it. */
export type PersonRef = { existingId: string } | { newUsername: string };

/** An organisation to create; `parent` exists or comes earlier in DirectoryPlan.organisations. */
export interface PlannedOrganisation {
  name: string;
  kind: OrganisationKind;
  parent: OrganisationRef;
}

/** An account to create; `home` is the organisation of the person's first row. */
export interface PlannedPerson {
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  home: OrganisationRef;
}

/** A position to create, with its kind's default rights (positionRights). */
export interface PlannedPosition {
  person: PersonRef;
  organisation: OrganisationRef;
  /** The kind of the position's organisation (党委 …). */
  organisationKind: OrganisationKind;
  kind: PositionKind;
  worksItems: boolean;
  supervises: boolean;
}

/**
 * What a valid file adds, and nothing it already finds: organisations parent-first, accounts,
 * positions; `notices` says what was found but left as it is (an account whose 手机 or 邮箱 differ).
 */
export interface DirectoryPlan {
  organisations: PlannedOrganisation[];
  people: PlannedPerson[];
  positions: PlannedPosition[];
  notices: string[];
}

export type DirectoryPlanOutcome =
  { kind: 'valid'; plan: DirectoryPlan } | { kind: 'invalid'; problems: DirectoryProblem[] };

/** The organisation names (with parents) and usernames a file names: what to load a snapshot for. */
export function directoryLookups(rows: readonly DirectoryRow[]): {
  organisationNames: string[];
  usernames: string[];
} {
  const names = new Set<string>();
  const usernames = new Set<string>();
  for (const { cells } of rows) {
    if (cells['组织名称']) names.add(cells['组织名称']);
    if (cells['上级组织']) names.add(cells['上级组织']);
    if (cells['账号']) usernames.add(cells['账号']);
  }
  return { organisationNames: [...names], usernames: [...usernames] };
}

/**
 * Checks a directory file against what the database holds and plans what to add, or lists
 * every problem by row and column (in Chinese), so that nothing is written unless all rows are
 * valid. Five stages, each reporting what it finds: the rows alone (checkDirectoryRows), the
 * organisations (checkDirectoryOrganisations, placeNewOrganisations), the people and their
 * positions (checkDirectoryPeople, planDirectoryPositions). Pure: `snapshot` holds the organisations and accounts the file names, and
 * `mayAdminister(path)` answers whether the importer may administer the organisation at `path`
 * (a new organisation is checked at the existing organisation it is created below).
 *
 * Problems: a required cell missing (组织名称; 上级组织 and 组织类别 for a new organisation; 姓名,
 * 账号 and 职务 on a row naming a person), an unknown 组织类别 or 职务, a malformed 账号, 手机 or
 * 邮箱, rows of one organisation that disagree, a parent found neither in the file nor in the
 * database, a cycle among the file's organisations, an existing organisation with another parent
 * or kind (never moved or changed), a disabled organisation to add to, one 账号 with different
 * 姓名/手机/邮箱 on several rows, an existing 账号 of a person with another name, a repeated
 * position, and anything outside the importer's administration. An existing account of the same
 * name is the same person: it keeps its fields (a notice says when 手机 or 邮箱 differ) and gains
 * the positions it lacks, so importing the same file twice adds nothing the second time.
 */
export function planDirectoryImport(
  rows: readonly DirectoryRow[],
  snapshot: DirectorySnapshot,
  mayAdminister: (path: string) => boolean,
): DirectoryPlanOutcome {
  const problems: DirectoryProblem[] = [];
  const problem = (row: number, column: DirectoryColumn, message: string) =>
    problems.push({ row, column, message });

  const { organisations, personRows } = checkDirectoryRows(rows, problem);
  checkDirectoryOrganisations(organisations, snapshot, problem);
  const { created, depth } = placeNewOrganisations(organisations, snapshot, mayAdminister, problem);
  const { people, notices } = checkDirectoryPeople(personRows, snapshot, problem);
  const positions = planDirectoryPositions(personRows, organisations, snapshot, mayAdminister, problem);

  if (problems.length > 0) {
    const order = (p: DirectoryProblem) => DIRECTORY_COLUMNS.indexOf(p.column);
    problems.sort((a, b) => a.row - b.row || order(a) - order(b));
    return { kind: 'invalid', problems };
  }
  const refOf = (name: string): OrganisationRef => {
    const e = organisations.get(name)?.existing ?? snapshot.organisations.get(name);
    return e ? { existingId: e.id } : { newName: name };
  };
  return {
    kind: 'valid',
    plan: {
      organisations: created
        .sort((a, b) => depth.get(a.name)! - depth.get(b.name)! || a.rows[0].row - b.rows[0].row)
        .map((o) => ({ name: o.name, kind: o.kind!, parent: refOf(o.parent!) })),
      people: [...people.values()]
        .filter((p) => !snapshot.people.has(p.username))
        .map((p) => ({
          username: p.username,
          displayName: p.displayName,
          phone: p.phone,
          email: p.email,
          home: refOf(p.rows[0].cells['组织名称']),
        })),
      positions,
      notices,
    },
  };
}
