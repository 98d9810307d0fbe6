import { ApplicationError } from '../errors/application-error';

/** The refusal of a change that would leave no active root administrator. */
export function lastAdministrator(): ApplicationError {
  return new ApplicationError(
    'LAST_ADMINISTRATOR',
    '这是最后一位在用的最高级管理员（根组织的管理员），不能停用或取消其管理员职务：请先为另一位人员设置根组织的管理员职务。',
  );
}

/** The refusal of an administrator acting on their own account; `what` begins the sentence. */
export function ownAccountProtected(what: string): ApplicationError {
  return new ApplicationError('OWN_ACCOUNT_PROTECTED', `${what}：请由另一位管理员操作。`);
}
