import { RECTIFICATION_EVENT_LABELS as EVENT } from '../../api/generated/vocabulary';

/**
 * The three ways people use the product, each with its own 使用说明: 支部书记 (works the
 * organisation's items), 上级组织 (supervises those below: signs off and chases), 管理员 (sets up
 * organisations and people, imports reports).
 */
export type HelpRole = 'secretary' | 'supervisor' | 'admin';

/** One step of someone's work: what to do, and where in the UI. */
export interface HelpStep {
  what: string;
  where: string;
}

export interface HelpTopic {
  role: HelpRole;
  title: string;
  /** Who this is for, in one sentence. */
  who: string;
  steps: HelpStep[];
}

/** What the menus show a person (GET /api/me `capabilities`). */
export interface HelpCapabilities {
  worksItems: boolean;
  supervises: boolean;
  administers: boolean;
}

const q = (label: string) => `「${label}」`;

export const HELP_TOPICS: Readonly<Record<HelpRole, HelpTopic>> = {
  secretary: {
    role: 'secretary',
    title: '支部书记：整改本组织的问题',
    who: '承担本组织整改责任的书记（或被指定负责整改的同志）。',
    steps: [
      {
        what: '每天先看待办：被退回、待制定措施、即将到期、已超期的事项都列在这里，逐项处理。',
        where: `左侧菜单${q('我的待办')}；页面右上角的数字是待办数`,
      },
      {
        what: `为每个问题${q(EVENT.SET_MEASURES)}：逐条写明措施、责任人和完成时限。`,
        where: `${q('我的整改事项')}，点问题标题打开事项，再点${q(EVENT.SET_MEASURES)}`,
      },
      {
        what: '整改过程中上传佐证材料（会议记录、照片、文件），手机可直接拍照上传。',
        where: `事项页${q('整改佐证材料')} → ${q('上传佐证')}`,
      },
      {
        what: `整改完成后${q(EVENT.SUBMIT_COMPLETION)}，写明完成情况，等上级审核销号。`,
        where: '事项页下方的操作按钮',
      },
      {
        what: `被退回时按退回理由整改后重新提交；到期前完不成的，及时${q(EVENT.REQUEST_EXTENSION)}。`,
        where: `${q('我的待办')} → ${q('被退回')}；事项页操作按钮`,
      },
      {
        what: '到期前和超期后会收到站内消息和邮件提醒。',
        where: `页面右上角铃铛；头像菜单 → ${q('通知设置')}`,
      },
    ],
  },
  supervisor: {
    role: 'supervisor',
    title: '上级组织：审核销号、督促整改',
    who: '督办下级党组织整改的书记、组织委员等。',
    steps: [
      {
        what: '查看下级党组织的整改进度：完成率、各组织情况、超期（红灯）事项。',
        where: `左侧菜单${q('督导总览')}，右上角选择组织和年度`,
      },
      {
        what: `审核下级提交的销号申请：材料齐全的${q(EVENT.APPROVE_COMPLETION)}（可批量），不合格的${q(EVENT.RETURN_FOR_REWORK)}并写明理由。`,
        where: `${q('我的待办')} → ${q('待我审核')}`,
      },
      {
        what: '督促超期事项：勾选红灯事项，批量记录督办意见，下级会收到提醒。',
        where: `${q('督导总览')} → ${q('红灯事项')} → ${q('批量记录督办意见')}`,
      },
      {
        what: `审批下级的延期申请：${q(EVENT.APPROVE_EXTENSION)}或${q(EVENT.REJECT_EXTENSION)}。`,
        where: `${q('我的待办')}；事项页操作按钮`,
      },
      {
        what: '把上级点评、巡视巡察反馈、群众评议的问题下达给下级党组织。',
        where: `${q('我的整改事项')} → ${q('新建整改事项')}`,
      },
      {
        what: '生成下一年度报告的"上年度整改情况"、整改台账和整改情况汇总。',
        where: `左侧菜单${q('整改材料输出')}`,
      },
    ],
  },
  admin: {
    role: 'admin',
    title: '管理员：建组织、加人员、导入报告',
    who: '负责本组织及下级的组织架构、人员账号和报告导入的同志。',
    steps: [
      {
        what: '建立组织架构：新增下级党组织，重命名、移动或停用；可为组织配置群机器人。',
        where: `左侧菜单${q('组织管理')}`,
      },
      {
        what: '添加人员并设置职务（书记、组织委员、管理员等），忘记密码时重置密码。',
        where: `左侧菜单${q('人员管理')}`,
      },
      {
        what: '人员多时，下载模板填好组织和人员，一次导入；新账号的一次性密码只显示一次，请及时转告。',
        where: `左侧菜单${q('批量导入')}`,
      },
      {
        what: '导入述职报告或问题清单：先预览核对，更正标题、去掉不是问题的条目，再导入，问题即成为整改事项。',
        where: `左侧菜单${q('导入报告')}`,
      },
      {
        what: '导入有误时：撤销个别事项，或删除尚未处理的整次导入后重新导入。',
        where: `事项页${q('撤销该事项')}；${q('导入报告')}页${q('已导入的报告')}`,
      },
    ],
  },
};

const ORDER: HelpRole[] = ['secretary', 'supervisor', 'admin'];

/**
 * Every topic, the viewer's own roles first (in the order 支部书记, 上级组织, 管理员), then the
 * others; `own` tells which roles are the viewer's (none for someone who only reads).
 */
export function helpTopicsFor(c: HelpCapabilities): { topics: HelpTopic[]; own: Set<HelpRole> } {
  const holds: Record<HelpRole, boolean> = {
    secretary: c.worksItems,
    supervisor: c.supervises,
    admin: c.administers,
  };
  const own = new Set(ORDER.filter((role) => holds[role]));
  const roles = [...ORDER.filter((r) => own.has(r)), ...ORDER.filter((r) => !own.has(r))];
  return { topics: roles.map((r) => HELP_TOPICS[r]), own };
}
