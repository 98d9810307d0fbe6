import { type OrganisationKind, type PositionKind } from '@rectify/domain';

/** The demo organisation tree (镇党委 → 村党总支 → 村党支部), parents first. */
export const DEMO_ORGANISATIONS: { name: string; kind: OrganisationKind; parent?: string }[] = [
  { name: '青石镇党委', kind: 'committee' },
  { name: '青石村党总支', kind: 'general_branch', parent: '青石镇党委' },
  { name: '青石村第一党支部', kind: 'branch', parent: '青石村党总支' },
  { name: '青石村第二党支部', kind: 'branch', parent: '青石村党总支' },
  { name: '白沙社区党支部', kind: 'branch', parent: '青石镇党委' },
  { name: '镇机关党支部', kind: 'branch', parent: '青石镇党委' },
];

/**
 * The demo people and their positions (职务), each in the organisation named (the first is the
 * person's home organisation): the root administrator; the 镇党委书记 (works the 镇党委's own
 * items, supervises everything below); a 组织委员 of the 镇党委 who supervises; the 党总支书记
 * (works the 党总支's items, supervises its two branches); the branches' 书记.
 */
export const DEMO_USERS: {
  username: string;
  displayName: string;
  organisation: string;
  positions: { kind: PositionKind; organisation?: string }[];
}[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    organisation: '青石镇党委',
    positions: [{ kind: 'admin' }],
  },
  {
    username: 'zhen.shuji',
    displayName: '镇党委书记',
    organisation: '青石镇党委',
    positions: [{ kind: 'secretary' }],
  },
  {
    username: 'zhen.zuzhi',
    displayName: '镇党委组织委员',
    organisation: '青石镇党委',
    positions: [{ kind: 'organising_member' }],
  },
  {
    username: 'zongzhi.shuji',
    displayName: '村党总支书记',
    organisation: '青石村党总支',
    positions: [{ kind: 'secretary' }],
  },
  {
    username: 'diyi.shuji',
    displayName: '第一党支部书记',
    organisation: '青石村第一党支部',
    positions: [{ kind: 'secretary' }],
  },
  {
    username: 'dier.shuji',
    displayName: '第二党支部书记',
    organisation: '青石村第二党支部',
    positions: [{ kind: 'secretary' }],
  },
  {
    username: 'baisha.shuji',
    displayName: '白沙社区党支部书记',
    organisation: '白沙社区党支部',
    positions: [{ kind: 'secretary' }],
  },
  {
    username: 'jiguan.shuji',
    displayName: '镇机关党支部书记',
    organisation: '镇机关党支部',
    positions: [{ kind: 'secretary' }],
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
