import { type DirectorySnapshot, type ExistingOrganisation, positionKey } from './directory-snapshot';
import { type DirectoryColumn, type DirectoryRow, emptyDirectoryCells } from './directory-template';
import { type DirectoryPlan, planDirectoryImport } from './plan-directory-import';

const COUNTY: ExistingOrganisation = {
  id: 'county',
  name: '青山县委',
  kind: 'committee',
  parentName: null,
  path: '/county/',
  disabled: false,
};
const TOWN_A: ExistingOrganisation = {
  id: 'town-a',
  name: '东镇党委',
  kind: 'committee',
  parentName: '青山县委',
  path: '/county/town-a/',
  disabled: false,
};
const TOWN_B: ExistingOrganisation = { ...TOWN_A, id: 'town-b', name: '西镇党委', path: '/county/town-b/' };

function snapshot(extra: Partial<DirectorySnapshot> = {}): DirectorySnapshot {
  return {
    organisations: new Map([COUNTY, TOWN_A, TOWN_B].map((o) => [o.name, o])),
    people: new Map(),
    positions: new Set(),
    ...extra,
  };
}

/** Row `n` of a sheet with the given cells (the rest empty). */
function row(n: number, cells: Partial<Record<DirectoryColumn, string>>): DirectoryRow {
  return { row: n, cells: { ...emptyDirectoryCells(), ...cells } };
}

const everywhere = (_path: string) => true;

function valid(rows: DirectoryRow[], snap = snapshot(), may = everywhere): DirectoryPlan {
  const outcome = planDirectoryImport(rows, snap, may);
  if (outcome.kind !== 'valid') throw new Error(JSON.stringify(outcome.problems, null, 1));
  return outcome.plan;
}

function problemsOf(rows: DirectoryRow[], snap = snapshot(), may = everywhere) {
  const outcome = planDirectoryImport(rows, snap, may);
  if (outcome.kind !== 'invalid') throw new Error('expected problems');
  return outcome.problems;
}

const village = (n: number, extra: Partial<Record<DirectoryColumn, string>> = {}) =>
  row(n, { 组织名称: '东村党支部', 上级组织: '东镇党委', 组织类别: '党支部', ...extra });

describe('planning a directory import', () => {
  it('creates organisations parent-first whatever the row order, with people and their positions', () => {
    const plan = valid([
      row(2, {
        组织名称: '东村第一党支部',
        上级组织: '东村党总支',
        组织类别: '党支部',
        姓名: '张三',
        账号: 'zhangsan',
        职务: '书记',
        手机: '138 0013 8000',
      }),
      row(3, {
        组织名称: '东村党总支',
        上级组织: '东镇党委',
        组织类别: '党总支',
        姓名: '李四',
        账号: 'lisi',
        职务: '书记',
      }),
      row(4, { 组织名称: '东村党总支', 姓名: '张三', 账号: 'zhangsan', 职务: '组织委员' }),
      row(5, {
        组织名称: '东镇党委',
        姓名: '王五',
        账号: 'wangwu',
        职务: '管理员',
        邮箱: 'wangwu@example.org',
      }),
    ]);
    expect(plan.organisations).toEqual([
      { name: '东村党总支', kind: 'general_branch', parent: { existingId: 'town-a' } },
      { name: '东村第一党支部', kind: 'branch', parent: { newName: '东村党总支' } },
    ]);
    expect(plan.people).toEqual([
      {
        username: 'zhangsan',
        displayName: '张三',
        phone: '138 0013 8000',
        email: null,
        home: { newName: '东村第一党支部' },
      },
      { username: 'lisi', displayName: '李四', phone: null, email: null, home: { newName: '东村党总支' } },
      {
        username: 'wangwu',
        displayName: '王五',
        phone: null,
        email: 'wangwu@example.org',
        home: { existingId: 'town-a' },
      },
    ]);
    expect(plan.positions.map((p) => [p.person, p.organisation, p.kind, p.worksItems, p.supervises])).toEqual(
      [
        [{ newUsername: 'zhangsan' }, { newName: '东村第一党支部' }, 'secretary', true, true],
        [{ newUsername: 'lisi' }, { newName: '东村党总支' }, 'secretary', true, true],
        [{ newUsername: 'zhangsan' }, { newName: '东村党总支' }, 'organising_member', false, true],
        [{ newUsername: 'wangwu' }, { existingId: 'town-a' }, 'admin', false, false],
      ],
    );
  });

  it('adds nothing for what exists: the same file imported again plans no organisation, person or position', () => {
    const village: ExistingOrganisation = {
      id: 'v',
      name: '东村党支部',
      kind: 'branch',
      parentName: '东镇党委',
      path: '/county/town-a/v/',
      disabled: false,
    };
    const snap = snapshot({
      organisations: new Map([COUNTY, TOWN_A, village].map((o) => [o.name, o])),
      people: new Map([
        [
          'zhangsan',
          { id: 'u1', username: 'zhangsan', displayName: '张三', phone: null, email: null, disabled: false },
        ],
      ]),
      positions: new Set([positionKey('u1', 'v', 'secretary')]),
    });
    const plan = valid(
      [
        row(2, {
          组织名称: '东村党支部',
          上级组织: '东镇党委',
          组织类别: '党支部',
          姓名: '张三',
          账号: 'zhangsan',
          职务: '书记',
        }),
      ],
      snap,
    );
    expect(plan).toEqual({ organisations: [], people: [], positions: [], notices: [] });
    // The same person gains a position they lack; 手机 differing is said, not changed.
    const more = valid(
      [
        row(2, {
          组织名称: '东村党支部',
          姓名: '张三',
          账号: 'zhangsan',
          职务: '纪检委员',
          手机: '13900000000',
        }),
      ],
      snap,
    );
    expect(more.people).toEqual([]);
    expect(more.positions).toEqual([
      {
        person: { existingId: 'u1' },
        organisation: { existingId: 'v' },
        organisationKind: 'branch',
        kind: 'discipline_member',
        worksItems: false,
        supervises: false,
      },
    ]);
    expect(more.notices).toEqual([expect.stringContaining('账号"zhangsan"（张三）已存在，其手机与文件不同')]);
  });

  it('names the row and column of each missing required cell', () => {
    expect(
      problemsOf([
        row(2, { 上级组织: '东镇党委', 组织类别: '党支部' }),
        row(3, { 组织名称: '东村第二党支部' }),
        village(4, { 姓名: '张三', 职务: '书记' }),
      ]).map((p) => [p.row, p.column, p.message]),
    ).toEqual([
      [2, '组织名称', '缺少组织名称：每一行都要写明组织名称。'],
      [3, '上级组织', '缺少上级组织：新组织"东村第二党支部"须写明上级组织（根组织请先在组织管理中建立）。'],
      [3, '组织类别', '缺少组织类别：新组织"东村第二党支部"须写明类别（党委、党工委、党总支、党支部）。'],
      [4, '账号', '缺少账号：填写人员时，姓名、账号、职务都要填写。'],
    ]);
  });

  it('reports an organisation name that is too long once, also on a row naming a person', () => {
    expect(
      problemsOf([village(2, { 组织名称: '党'.repeat(101), 姓名: '张三', 账号: 'zs', 职务: '书记' })]).map(
        (p) => [p.row, p.column],
      ),
    ).toEqual([[2, '组织名称']]);
  });

  it('refuses an unknown kind or position and a malformed 账号, 手机 or 邮箱', () => {
    const found = problemsOf([
      village(2, { 组织类别: '党小组' }),
      village(3, { 姓名: '张三', 账号: 'zhang san', 职务: '主任' }),
      village(4, { 姓名: '李四', 账号: 'lisi', 职务: '书记', 手机: '1380013', 邮箱: 'lisi-at-example' }),
    ]);
    expect(found.map((p) => [p.row, p.column])).toEqual([
      [2, '组织类别'],
      [3, '账号'],
      [3, '职务'],
      [4, '手机'],
      [4, '邮箱'],
    ]);
    expect(found[0].message).toBe('组织类别"党小组"无效：只能是 党委、党工委、党总支、党支部。');
    expect(found[2].message).toBe(
      '职务"主任"无效：只能是 书记、副书记、组织委员、纪检委员、党务工作者、管理员。',
    );
  });

  it('accepts mobiles with +86, spaces or dashes and landlines with an area code', () => {
    for (const phone of ['+86 138-0013-8000', '13800138000', '0571-87654321', '(010) 12345678'])
      expect(
        valid([village(2, { 姓名: '张三', 账号: 'zs', 职务: '书记', 手机: phone })]).people[0].phone,
      ).toBe(phone);
  });

  it('refuses a parent found neither in the file nor in the database', () => {
    expect(
      problemsOf([row(7, { 组织名称: '东村党支部', 上级组织: '东镇党委员会', 组织类别: '党支部' })]),
    ).toEqual([
      {
        row: 7,
        column: '上级组织',
        message:
          '上级组织"东镇党委员会"在文件和系统中都找不到：请在文件中加上这个组织的一行（写明它的上级组织），或检查名称是否写错。',
      },
    ]);
  });

  it('refuses a cycle among the rows, naming it on each organisation of the cycle', () => {
    const found = problemsOf([
      row(2, { 组织名称: '甲党支部', 上级组织: '乙党总支', 组织类别: '党支部' }),
      row(3, { 组织名称: '乙党总支', 上级组织: '丙党委', 组织类别: '党总支' }),
      row(4, { 组织名称: '丙党委', 上级组织: '乙党总支', 组织类别: '党委' }),
      row(5, { 组织名称: '丁党支部', 上级组织: '丁党支部', 组织类别: '党支部' }),
    ]);
    expect(found.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, '上级组织', '上级组织形成循环：乙党总支 → 丙党委 → 乙党总支。请改正其中一个组织的上级组织。'],
      [4, '上级组织', '上级组织形成循环：乙党总支 → 丙党委 → 乙党总支。请改正其中一个组织的上级组织。'],
      [5, '上级组织', '组织"丁党支部"的上级组织不能是它自己。'],
    ]);
  });

  it('refuses one 账号 with different 姓名, 手机 or 邮箱 on several rows (duplicate accounts in one file)', () => {
    const found = problemsOf([
      village(2, { 姓名: '张三', 账号: 'zhangsan', 职务: '书记', 手机: '13800138000' }),
      village(3, { 姓名: '张珊', 账号: 'zhangsan', 职务: '组织委员', 手机: '13900139000' }),
      village(4, { 姓名: '张三', 账号: 'zhangsan', 职务: '纪检委员', 邮箱: 'zs@example.org' }),
    ]);
    expect(found.map((p) => [p.row, p.column, p.message])).toEqual([
      [
        3,
        '姓名',
        '账号"zhangsan"的姓名前后不一致：第2行为"张三"，本行为"张珊"。同一账号只能是同一个人；不同的人请使用不同的账号。',
      ],
      [
        3,
        '手机',
        expect.stringContaining('账号"zhangsan"的手机前后不一致：第2行为"13800138000"，本行为"13900139000"'),
      ],
    ]);
  });

  it('refuses an existing 账号 of a person with another name, but not the same person again', () => {
    const snap = snapshot({
      people: new Map([
        [
          'zhangsan',
          { id: 'u1', username: 'zhangsan', displayName: '张三', phone: null, email: null, disabled: false },
        ],
      ]),
    });
    expect(problemsOf([village(2, { 姓名: '张珊', 账号: 'zhangsan', 职务: '书记' })], snap)).toEqual([
      {
        row: 2,
        column: '账号',
        message:
          '账号"zhangsan"已被系统中的"张三"使用，与本行的姓名"张珊"不同：如是同一人请填写相同的姓名，否则请换一个账号。',
      },
    ]);
    expect(valid([village(2, { 姓名: '张三', 账号: 'zhangsan', 职务: '书记' })], snap).people).toEqual([]);
  });

  it('refuses a repeated position and rows of one organisation that disagree', () => {
    const found = problemsOf([
      village(2, { 姓名: '张三', 账号: 'zhangsan', 职务: '书记' }),
      village(3, { 姓名: '张三', 账号: 'zhangsan', 职务: '书记' }),
      village(4, { 上级组织: '西镇党委', 组织类别: '党总支' }),
    ]);
    expect(found.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, '职务', '与第2行重复：同一人在同一组织的同一职务只需填写一行。'],
      [4, '上级组织', '组织"东村党支部"的上级组织前后不一致：第2行为"东镇党委"，本行为"西镇党委"。'],
      [4, '组织类别', '组织"东村党支部"的组织类别前后不一致：第2行为"党支部"，本行为"党总支"。'],
    ]);
  });

  it('says an existing organisation has another parent or kind, and moves or changes nothing', () => {
    const found = problemsOf([
      row(2, { 组织名称: '东镇党委', 上级组织: '西镇党委', 组织类别: '党总支' }),
      row(3, { 组织名称: '青山县委', 上级组织: '东镇党委' }),
    ]);
    expect(found.map((p) => [p.row, p.column, p.message])).toEqual([
      [
        2,
        '上级组织',
        '组织"东镇党委"已存在，其上级组织是"青山县委"，与本行的"西镇党委"不同：批量导入不移动已有组织，如需调整请在组织管理中移动，或改正本行。',
      ],
      [2, '组织类别', '组织"东镇党委"已存在，类别是"党委"，与本行的"党总支"不同：批量导入不修改已有组织。'],
      [
        3,
        '上级组织',
        '组织"青山县委"已存在，是根组织（没有上级组织），与本行的"东镇党委"不同：批量导入不移动已有组织，如需调整请在组织管理中移动，或改正本行。',
      ],
    ]);
  });

  it('keeps an administrator of one 镇 to their own subtree: nothing created or attached below another', () => {
    const onlyTownA = (path: string) => path.startsWith(TOWN_A.path);
    const found = problemsOf(
      [
        row(2, {
          组织名称: '西村党支部',
          上级组织: '西镇党委',
          组织类别: '党支部',
          姓名: '赵六',
          账号: 'zhaoliu',
          职务: '书记',
        }),
        row(3, { 组织名称: '西镇党委', 姓名: '钱七', 账号: 'qianqi', 职务: '管理员' }),
        village(4, { 姓名: '孙八', 账号: 'sunba', 职务: '书记' }),
      ],
      snapshot(),
      onlyTownA,
    );
    expect(found).toEqual([
      {
        row: 2,
        column: '上级组织',
        message: '上级组织"西镇党委"不在您的管理范围内：只能在您管理的组织之下新增组织。',
      },
      {
        row: 3,
        column: '组织名称',
        message: '组织"西镇党委"不在您的管理范围内：只能为您管理的组织设置人员和职务。',
      },
    ]);
    expect(
      valid([village(2, { 姓名: '孙八', 账号: 'sunba', 职务: '书记' })], snapshot(), onlyTownA).organisations,
    ).toHaveLength(1);
  });

  it('adds nothing to a disabled organisation', () => {
    const closed = { ...TOWN_B, disabled: true };
    const snap = snapshot({ organisations: new Map([COUNTY, TOWN_A, closed].map((o) => [o.name, o])) });
    expect(
      problemsOf(
        [
          row(2, { 组织名称: '西村党支部', 上级组织: '西镇党委', 组织类别: '党支部' }),
          row(3, { 组织名称: '西镇党委', 姓名: '钱七', 账号: 'qianqi', 职务: '书记' }),
        ],
        snap,
      ).map((p) => p.message),
    ).toEqual([
      '上级组织"西镇党委"已停用：不能在其下新增组织。',
      '组织"西镇党委"已停用：不能为其新增人员或职务。',
    ]);
  });
});
