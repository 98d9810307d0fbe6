import { ORGANISATION_KIND_LABELS } from '../organisation-kind';
import { type DirectorySnapshot, type ExistingOrganisation } from './directory-snapshot';
import {
  agreeing,
  type FileOrganisation,
  KIND_LIST,
  kindOfLabel,
  type ReportProblem,
} from './directory-file';

const orgDescription = (o: ExistingOrganisation) =>
  o.parentName === null ? '是根组织（没有上级组织）' : `其上级组织是"${o.parentName}"`;

/**
 * The second stage of planDirectoryImport: each organisation's rows agree on 上级组织 and
 * 组织类别 (the odd row out reported), an organisation is not its own parent, an existing one
 * keeps its parent and kind, a new one names both. Sets each organisation's `existing`,
 * `parent` and `kind`.
 */
export function checkDirectoryOrganisations(
  organisations: Map<string, FileOrganisation>,
  snapshot: DirectorySnapshot,
  problem: ReportProblem,
): void {
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
}

/**
 * The third stage of planDirectoryImport: where each new organisation hangs. Its parent is
 * found (in the database, or in the file and placed itself), enabled and administered by the
 * importer, and the file's parents form no cycle (each reported once). Returns the new
 * organisations and each one's depth below its existing ancestor (to create parents first).
 */
export function placeNewOrganisations(
  organisations: Map<string, FileOrganisation>,
  snapshot: DirectorySnapshot,
  mayAdminister: (path: string) => boolean,
  problem: ReportProblem,
): { created: FileOrganisation[]; depth: Map<string, number> } {
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

  return { created, depth };
}
