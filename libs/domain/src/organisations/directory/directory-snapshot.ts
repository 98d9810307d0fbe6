import { type OrganisationKind } from '../organisation-kind';
import { type PositionKind } from '../positions';

/** An organisation already in the database, as the import sees it. */
export interface ExistingOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** Its parent's name; null for a root. */
  parentName: string | null;
  /** Materialised path `/<root id>/…/<id>/`. */
  path: string;
  disabled: boolean;
}

/** An account already in the database, as the import sees it. */
export interface ExistingPerson {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  disabled: boolean;
}

/**
 * What the database already holds of what a file names: its organisations (and their parents)
 * by name, its accounts by username, and those accounts' positions (positionKey).
 */
export interface DirectorySnapshot {
  organisations: ReadonlyMap<string, ExistingOrganisation>;
  people: ReadonlyMap<string, ExistingPerson>;
  positions: ReadonlySet<string>;
}

/** The key of a position in DirectorySnapshot.positions. */
export function positionKey(userId: string, organisationId: string, kind: PositionKind): string {
  return `${userId}|${organisationId}|${kind}`;
}
