import { ForbiddenException, SetMetadata } from '@nestjs/common';

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'rectify:allowedBeforePasswordChange';

/**
 * Marks a route a person holding a one-time password may still use (who am I, change my
 * password); every other route refuses them with PASSWORD_CHANGE_REQUIRED until they change it.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

/** 403 for a session whose password is a reset's one-time password, on any other route. */
export function passwordChangeRequired(): ForbiddenException {
  return new ForbiddenException({
    code: 'PASSWORD_CHANGE_REQUIRED',
    message: '您正在使用管理员重置的一次性密码：请先修改密码（POST /api/me/password），再进行其他操作。',
  });
}
