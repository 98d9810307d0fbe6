import { type OrganisationKind, type UserRole } from '@rectify/persistence';

/** The demo organisation tree (镇党委 → 村党总支 → 村党支部), parents first. */
export const DEMO_ORGANISATIONS: { name: string; kind: OrganisationKind; parent?: string }[] = [
  { name: '青石镇党委', kind: 'committee' },
  { name: '青石村党总支', kind: 'general_branch', parent: '青石镇党委' },
  { name: '青石村第一党支部', kind: 'branch', parent: '青石村党总支' },
  { name: '青石村第二党支部', kind: 'branch', parent: '青石村党总支' },
  { name: '白沙社区党支部', kind: 'branch', parent: '青石镇党委' },
  { name: '镇机关党支部', kind: 'branch', parent: '青石镇党委' },
];

/** A demo user for each role. */
export const DEMO_USERS: { username: string; displayName: string; role: UserRole; organisation: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', organisation: '青石镇党委' },
  { username: 'zhen.shuji', displayName: '镇党委书记', role: 'supervisor', organisation: '青石镇党委' },
  {
    username: 'zongzhi.shuji',
    displayName: '村党总支书记',
    role: 'supervisor',
    organisation: '青石村党总支',
  },
  {
    username: 'diyi.shuji',
    displayName: '第一党支部书记',
    role: 'secretary',
    organisation: '青石村第一党支部',
  },
  {
    username: 'dier.shuji',
    displayName: '第二党支部书记',
    role: 'secretary',
    organisation: '青石村第二党支部',
  },
  {
    username: 'baisha.shuji',
    displayName: '白沙社区党支部书记',
    role: 'secretary',
    organisation: '白沙社区党支部',
  },
  {
    username: 'jiguan.shuji',
    displayName: '镇机关党支部书记',
    role: 'secretary',
    organisation: '镇机关党支部',
  },
];

/** The demo users' password: for trying the product locally, never for real data. */
export const DEMO_PASSWORD = 'rectify-demo';

// The example reports, in file-name order, go to these organisations.
export const DEMO_REPORT_OWNERS = [
  '青石村党总支',
  '青石村第一党支部',
  '镇机关党支部',
  '白沙社区党支部',
  '青石村第二党支部',
];
