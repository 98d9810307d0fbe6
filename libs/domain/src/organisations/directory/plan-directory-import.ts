import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from '../organisation-kind';
import {
  POSITION_KINDS,
  POSITION_PROFILES,
  type PositionKind,
  positionKindOfLabel,
  positionRights,
} from '../positions';
import { type DirectorySnapshot, type ExistingOrganisation, positionKey } from './directory-snapshot';
import {
  DIRECTORY_COLUMNS,
  type DirectoryColumn,
  type DirectoryProblem,
  type DirectoryRow,
  MAX_ORGANISATION_NAME_LENGTH,
  MAX_PERSON_NAME_LENGTH,
  PERSON_COLUMNS,
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

const USERNAME = /^[\w.@-]{2,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A mainland mobile (optionally +86) or a landline with its area code, after spaces, - and brackets. */
const PHONE = /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{9,11})$/;

const KIND_LIST = ORGANISATION_KINDS.map((k) => ORGANISATION_KIND_LABELS[k]).join('、');
const POSITION_LIST = POSITION_KINDS.map((k) => POSITION_PROFILES[k].label).join('、');

function kindOfLabel(label: string): OrganisationKind | null {
  return ORGANISATION_KINDS.find((k) => ORGANISATION_KIND_LABELS[k] === label) ?? null;
}

const orgDescription = (o: ExistingOrganisation) =>
  o.parentName === null ? '是根组织（没有上级组织）' : `其上级组织是"${o.parentName}"`;

/** One organisation of the file: its rows and what they say of it. */
interface FileOrganisation {
  name: string;
  rows: DirectoryRow[];
  parent: string | null;
  kind: OrganisationKind | null;
  existing: ExistingOrganisation | null;
}

/** One person of the file: their rows (each a position) and what the first says of them. */
interface FilePerson {
  username: string;
  rows: DirectoryRow[];
  displayName: string;
  phone: string | null;
  email: string | null;
}

/**
 * Checks a directory file against what the database holds and plans what to add, or lists
 * every problem by row and column (in Chinese), so that nothing is written unless all rows are
 * valid. Pure: `snapshot` holds the organisations and accounts the file names, and
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

  // 1. Each row alone.
  const organisations = new Map<string, FileOrganisation>();
  const personRows: DirectoryRow[] = [];
  for (const r of rows) {
    const c = r.cells;
    const name = c['组织名称'];
    if (!name) problem(r.row, '组织名称', '缺少组织名称：每一行都要写明组织名称。');
    else if ([...name].length > MAX_ORGANISATION_NAME_LENGTH)
      problem(r.row, '组织名称', `组织名称过长：最多${MAX_ORGANISATION_NAME_LENGTH}个字。`);
    if (c['组织类别'] && !kindOfLabel(c['组织类别']))
      problem(r.row, '组织类别', `组织类别"${c['组织类别']}"无效：只能是 ${KIND_LIST}。`);
    if (name && [...name].length <= MAX_ORGANISATION_NAME_LENGTH) {
      const org = organisations.get(name) ?? { name, rows: [], parent: null, kind: null, existing: null };
      org.rows.push(r);
      organisations.set(name, org);
    }
    if (PERSON_COLUMNS.some((col) => c[col])) {
      let complete = true;
      for (const col of ['姓名', '账号', '职务'] as const) {
        if (!c[col]) {
          complete = false;
          problem(r.row, col, `缺少${col}：填写人员时，姓名、账号、职务都要填写。`);
        }
      }
      if (c['姓名'] && [...c['姓名']].length > MAX_PERSON_NAME_LENGTH) {
        complete = false;
        problem(r.row, '姓名', `姓名过长：最多${MAX_PERSON_NAME_LENGTH}个字。`);
      }
      if (c['账号'] && !USERNAME.test(c['账号'])) {
        complete = false;
        problem(r.row, '账号', `账号"${c['账号']}"格式不正确：须为2至64位字母、数字或 . _ @ - 符号。`);
      }
      if (c['职务'] && !positionKindOfLabel(c['职务'])) {
        complete = false;
        problem(r.row, '职务', `职务"${c['职务']}"无效：只能是 ${POSITION_LIST}。`);
      }
      if (c['手机'] && !PHONE.test(c['手机'].replace(/[\s\-()（）]/g, ''))) {
        complete = false;
        problem(
          r.row,
          '手机',
          `手机号码"${c['手机']}"格式不正确：应为11位手机号（如 13800138000），或带区号的固定电话。`,
        );
      }
      if (c['邮箱'] && (c['邮箱'].length > 254 || !EMAIL.test(c['邮箱']))) {
        complete = false;
        problem(r.row, '邮箱', `邮箱"${c['邮箱']}"格式不正确：例如 zhangsan@example.org。`);
      }
      if (complete && organisations.has(name)) personRows.push(r);
    }
  }

  // 2. Each organisation: its rows agree, and with the database when it exists.
  for (const org of organisations.values()) {
    org.existing = snapshot.organisations.get(org.name) ?? null;
    const first = agreeing(org.rows, '上级组织', (value, at) =>
      problem(
        at.row,
        '上级组织',
        `组织"${org.name}"的上级组织前后不一致：第${value.row}行为"${value.text}"，本行为"${at.cells['上级组织']}"。`,
      ),
    );
    org.parent = first?.text ?? null;
    const kindRows = org.rows.filter((r) => kindOfLabel(r.cells['组织类别']));
    const firstKind = agreeing(kindRows, '组织类别', (value, at) =>
      problem(
        at.row,
        '组织类别',
        `组织"${org.name}"的组织类别前后不一致：第${value.row}行为"${value.text}"，本行为"${at.cells['组织类别']}"。`,
      ),
    );
    org.kind = firstKind ? kindOfLabel(firstKind.text) : null;
    const row = org.rows[0].row;
    if (org.parent === org.name) {
      problem(first!.row, '上级组织', `组织"${org.name}"的上级组织不能是它自己。`);
      org.parent = null;
      continue;
    }
    if (org.existing) {
      const e = org.existing;
      if (org.parent !== null && org.parent !== e.parentName)
        problem(
          first!.row,
          '上级组织',
          `组织"${org.name}"已存在，${orgDescription(e)}，与本行的"${org.parent}"不同：批量导入不移动已有组织，如需调整请在组织管理中移动，或改正本行。`,
        );
      if (org.kind !== null && org.kind !== e.kind)
        problem(
          firstKind!.row,
          '组织类别',
          `组织"${org.name}"已存在，类别是"${ORGANISATION_KIND_LABELS[e.kind]}"，与本行的"${ORGANISATION_KIND_LABELS[org.kind]}"不同：批量导入不修改已有组织。`,
        );
    } else {
      if (org.parent === null)
        problem(
          row,
          '上级组织',
          `缺少上级组织：新组织"${org.name}"须写明上级组织（根组织请先在组织管理中建立）。`,
        );
      if (org.kind === null && !org.rows.some((r) => r.cells['组织类别']))
        problem(row, '组织类别', `缺少组织类别：新组织"${org.name}"须写明类别（${KIND_LIST}）。`);
    }
  }

  // 3. Where each new organisation hangs: a parent found, no cycle, within the importer's reach.
  const created = [...organisations.values()].filter((o) => !o.existing && o.parent !== null);
  const depth = new Map<string, number>();
  const reported = new Set<string>();
  for (const org of created) {
    const chain: FileOrganisation[] = [];
    let current: FileOrganisation = org;
    for (;;) {
      chain.push(current);
      const parentName = current.parent!;
      const parentInFile = organisations.get(parentName);
      const parentExisting = snapshot.organisations.get(parentName);
      if (parentExisting) {
        if (current === org) {
          const firstRow = org.rows.find((r) => r.cells['上级组织'])!.row;
          if (parentExisting.disabled)
            problem(firstRow, '上级组织', `上级组织"${parentName}"已停用：不能在其下新增组织。`);
          else if (!mayAdminister(parentExisting.path))
            problem(
              firstRow,
              '上级组织',
              `上级组织"${parentName}"不在您的管理范围内：只能在您管理的组织之下新增组织。`,
            );
        }
        break;
      }
      if (!parentInFile || parentInFile.existing || parentInFile.parent === null) {
        if (!parentInFile && current === org) {
          const firstRow = org.rows.find((r) => r.cells['上级组织'])!.row;
          problem(
            firstRow,
            '上级组织',
            `上级组织"${parentName}"在文件和系统中都找不到：请在文件中加上这个组织的一行（写明它的上级组织），或检查名称是否写错。`,
          );
        }
        break;
      }
      const loopAt = chain.indexOf(parentInFile);
      if (loopAt >= 0) {
        const loop = chain.slice(loopAt);
        if (!loop.some((o) => reported.has(o.name))) {
          const text = [...loop, parentInFile].map((o) => o.name).join(' → ');
          for (const o of loop) {
            reported.add(o.name);
            const firstRow = o.rows.find((r) => r.cells['上级组织'])!.row;
            problem(firstRow, '上级组织', `上级组织形成循环：${text}。请改正其中一个组织的上级组织。`);
          }
        }
        break;
      }
      current = parentInFile;
    }
    depth.set(org.name, chain.length);
  }

  // 4. People: one 账号, one person; an existing 账号 only for the same person.
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

  // 5. Positions: no repeats; in organisations the importer administers and that are in use.
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

/**
 * The value of `column` most rows give (the first of them on a tie), with the first row giving
 * it, reporting through `disagree` every row with another value: the odd row out is the one to
 * correct, wherever it stands. Null when no row gives a value.
 */
function agreeing(
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
