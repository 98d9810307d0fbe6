import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from '../organisation-kind';
import { type ExistingOrganisation } from './directory-snapshot';
import { type DirectoryColumn, type DirectoryRow } from './directory-template';

/** Records a problem of the file at a row and column, in Chinese (see planDirectoryImport). */
export type ReportProblem = (row: number, column: DirectoryColumn, message: string) => void;

/** The 组织类别 labels, for messages. */
export const KIND_LIST = ORGANISATION_KINDS.map((k) => ORGANISATION_KIND_LABELS[k]).join('、');

/** The organisation kind a 组织类别 label names, or null. */
export function kindOfLabel(label: string): OrganisationKind | null {
  return ORGANISATION_KINDS.find((k) => ORGANISATION_KIND_LABELS[k] === label) ?? null;
}

/** One organisation of the file: its rows and what they say of it. */
export interface FileOrganisation {
  name: string;
  rows: DirectoryRow[];
  parent: string | null;
  kind: OrganisationKind | null;
  existing: ExistingOrganisation | null;
}

/** One person of the file: their rows (each a position) and what the first says of them. */
export interface FilePerson {
  username: string;
  rows: DirectoryRow[];
  displayName: string;
  phone: string | null;
  email: string | null;
}

/**
 * The value of `column` most rows give (the first of them on a tie), with the first row giving
 * it, reporting through `disagree` every row with another value: the odd row out is the one to
 * correct, wherever it stands. Null when no row gives a value.
 */
export function agreeing(
  rows: readonly DirectoryRow[],
  column: DirectoryColumn,
  disagree: (first: { row: number; text: string }, at: DirectoryRow) => void,
): { row: number; text: string } | null {
  const votes = new Map<string, { row: number; text: string; count: number }>();
  for (const r of rows) {
    const text = r.cells[column];
    if (!text) continue;
    const vote = votes.get(text) ?? { row: r.row, text, count: 0 };
    vote.count++;
    votes.set(text, vote);
  }
  let chosen: { row: number; text: string; count: number } | null = null;
  for (const vote of votes.values()) if (!chosen || vote.count > chosen.count) chosen = vote;
  if (!chosen) return null;
  for (const r of rows) if (r.cells[column] && r.cells[column] !== chosen.text) disagree(chosen, r);
  return { row: chosen.row, text: chosen.text };
}
