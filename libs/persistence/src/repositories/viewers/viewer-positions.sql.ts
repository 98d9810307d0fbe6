import { type PositionRight } from '@rectify/domain';

/** One position as VIEWER_POSITIONS_SQL returns it (json_agg of the row). */
export interface PositionRow {
  organisationId: string;
  organisationPath: string;
  kind: string;
  worksItems: boolean;
  supervises: boolean;
}

/**
 * A scalar subquery: the json array of the positions held by the user whose id is the SQL
 * expression `userIdSql`, each with its organisation's path (PositionRow), or NULL when none.
 * Positions in a disabled organisation still count: 停用 keeps the organisation's history, and the
 * people who worked it may still read it.
 */
export const VIEWER_POSITIONS_SQL = (userIdSql: string): string =>
  `SELECT json_agg(json_build_object('organisationId', p.organisation_id, 'organisationPath', po.path,
                                     'kind', p.kind, 'worksItems', p.works_items, 'supervises', p.supervises)
                   ORDER BY po.path, p.kind)
     FROM position p JOIN organisation po ON po.id = p.organisation_id
    WHERE p.user_id = ${userIdSql}`;

/** The rights stored on a position row (整改责任, 督办), in POSITION_RIGHTS order. */
export function positionRightsOf(row: Pick<PositionRow, 'worksItems' | 'supervises'>): PositionRight[] {
  const rights: PositionRight[] = [];
  if (row.worksItems) rights.push('work_items');
  if (row.supervises) rights.push('supervise');
  return rights;
}
