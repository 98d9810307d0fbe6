import { type HelpCapabilities } from './help-topics';

/** A button an empty page offers: 去导入报告, 新建整改事项, 使用说明. */
export type EmptyAction = 'import' | 'create' | 'help';

/** What a blank page says and which next steps it offers. */
export interface EmptyHint {
  text: string;
  actions: EmptyAction[];
}

/**
 * 我的整改事项 with no item at all (no filter set), by what the person does: an administrator
 * imports reports, a supervisor waits for the reports of those below or raises problems
 * himself, a secretary waits for problems to be imported or handed down.
 */
export function noItemsHint(c: HelpCapabilities): EmptyHint {
  if (c.administers)
    return {
      text: '暂无整改事项：在「导入报告」中导入述职报告或问题清单后，报告中的问题会成为整改事项出现在这里。',
      actions: ['import', 'help'],
    };
  if (c.supervises)
    return {
      text: '暂无整改事项：管理员导入下级党组织的报告后，下级的整改事项会出现在这里，供您审核销号和督办；您也可以新建整改事项，把上级点评、巡视巡察反馈的问题下达给下级。',
      actions: ['create', 'help'],
    };
  if (c.worksItems)
    return {
      text: '暂无需要整改的事项：上级导入报告或下达问题后，事项会出现在这里，「我的待办」会提醒您先制定整改措施。',
      actions: ['help'],
    };
  return { text: '暂无您可以查看的整改事项。', actions: ['help'] };
}

/**
 * 督导总览 and 整改材料输出 before any report of the organisation (or those below it) was imported:
 * nothing to show until then; an administrator imports, others learn who does.
 */
export function noReportsHint(c: HelpCapabilities): EmptyHint {
  if (c.administers)
    return {
      text: '还没有导入任何报告：请在「导入报告」中导入本组织及下级党组织的述职报告或问题清单，问题成为整改事项后，这里会显示整改进度和可输出的材料。',
      actions: ['import', 'help'],
    };
  return {
    text: '还没有导入任何报告：管理员导入本组织及下级党组织的述职报告后，这里会显示整改进度和可输出的材料；上级点评等问题可在「我的整改事项」中新建。',
    actions: ['help'],
  };
}
