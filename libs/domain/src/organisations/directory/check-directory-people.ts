import { positionKindOfLabel, positionRights } from '../positions';
import { type DirectorySnapshot, positionKey } from './directory-snapshot';
import { type DirectoryRow } from './directory-template';
import { type FileOrganisation, type FilePerson, type ReportProblem } from './directory-file';
import { type PlannedPosition } from './plan-directory-import';

/**
 * The fourth stage of planDirectoryImport: one 账号 is one person (its rows agree on 姓名, 手机
 * and 邮箱), and an existing 账号 only for the same 姓名. Returns the file's people by 账号, and
 * a notice for each existing person whose 手机 or 邮箱 differ (left as they are).
 */
export function checkDirectoryPeople(
  personRows: readonly DirectoryRow[],
  snapshot: DirectorySnapshot,
  problem: ReportProblem,
): { people: Map<string, FilePerson>; notices: string[] } {
  const people = new Map<string, FilePerson>();
  for (const r of personRows) {
    const c = r.cells;
    const person = people.get(c['账号']);
    if (!person) {
      people.set(c['账号'], {
        username: c['账号'],
        rows: [r],
        displayName: c['姓名'],
        phone: c['手机'] || null,
        email: c['邮箱'] || null,
      });
      continue;
    }
    person.rows.push(r);
    for (const col of ['姓名', '手机', '邮箱'] as const) {
      const earlier = person.rows.find((p) => p.cells[col]);
      if (c[col] && earlier && earlier !== r && earlier.cells[col] !== c[col])
        problem(
          r.row,
          col,
          `账号"${person.username}"的${col}前后不一致：第${earlier.row}行为"${earlier.cells[col]}"，本行为"${c[col]}"。同一账号只能是同一个人；不同的人请使用不同的账号。`,
        );
    }
    person.phone ??= c['手机'] || null;
    person.email ??= c['邮箱'] || null;
  }
  const notices: string[] = [];
  for (const person of people.values()) {
    const existing = snapshot.people.get(person.username);
    if (!existing) continue;
    if (existing.displayName !== person.displayName) {
      problem(
        person.rows[0].row,
        '账号',
        `账号"${person.username}"已被系统中的"${existing.displayName}"使用，与本行的姓名"${person.displayName}"不同：如是同一人请填写相同的姓名，否则请换一个账号。`,
      );
      continue;
    }
    const differs = [
      person.phone !== null && person.phone !== existing.phone ? '手机' : null,
      person.email !== null && person.email !== existing.email ? '邮箱' : null,
    ].filter(Boolean);
    if (differs.length > 0)
      notices.push(
        `账号"${person.username}"（${existing.displayName}）已存在，其${differs.join('、')}与文件不同：导入不修改已有人员的信息，如需修改请在人员管理中编辑。`,
      );
  }

  return { people, notices };
}

/**
 * The fifth stage of planDirectoryImport: the positions to add, none repeated, each in an
 * organisation that is in use and that the importer administers; a position the person already
 * holds is left out.
 */
export function planDirectoryPositions(
  personRows: readonly DirectoryRow[],
  organisations: ReadonlyMap<string, FileOrganisation>,
  snapshot: DirectorySnapshot,
  mayAdminister: (path: string) => boolean,
  problem: ReportProblem,
): PlannedPosition[] {
  const seen = new Map<string, number>();
  const positions: PlannedPosition[] = [];
  for (const r of personRows) {
    const c = r.cells;
    const kind = positionKindOfLabel(c['职务'])!;
    const org = organisations.get(c['组织名称'])!;
    const key = `${c['账号']}|${org.name}|${kind}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(r.row, '职务', `与第${earlier}行重复：同一人在同一组织的同一职务只需填写一行。`);
      continue;
    }
    seen.set(key, r.row);
    const existingPerson = snapshot.people.get(c['账号']);
    const e = org.existing;
    if (e && existingPerson && snapshot.positions.has(positionKey(existingPerson.id, e.id, kind))) continue;
    if (e && e.disabled) problem(r.row, '组织名称', `组织"${org.name}"已停用：不能为其新增人员或职务。`);
    else if (e && !mayAdminister(e.path))
      problem(r.row, '组织名称', `组织"${org.name}"不在您的管理范围内：只能为您管理的组织设置人员和职务。`);
    const rights = positionRights(kind);
    positions.push({
      person: existingPerson ? { existingId: existingPerson.id } : { newUsername: c['账号'] },
      organisation: e ? { existingId: e.id } : { newName: org.name },
      organisationKind: e?.kind ?? org.kind ?? 'branch',
      kind,
      worksItems: rights.includes('work_items'),
      supervises: rights.includes('supervise'),
    });
  }

  return positions;
}
