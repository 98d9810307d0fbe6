import { ForbiddenException } from '@nestjs/common';
import { type CurrentUser } from '../auth/access-token';

/**
 * Refuses anyone but an administrator. `user.role` is the role the database holds now (the guard
 * reads it on every request), never the one a token was issued with.
 * @throws ForbiddenException ADMIN_ONLY (403), naming `what` was refused
 */
export function requireAdmin(user: CurrentUser, what: string): void {
  if (user.role !== 'admin') {
    throw new ForbiddenException({ code: 'ADMIN_ONLY', message: `只有管理员可以${what}：请联系管理员。` });
  }
}
