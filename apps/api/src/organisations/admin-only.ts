import { ForbiddenException } from '@nestjs/common';
import { type CurrentUser } from '../auth/access-token';

export function requireAdmin(user: CurrentUser, what: string): void {
  if (user.role !== 'admin') {
    throw new ForbiddenException({ code: 'ADMIN_ONLY', message: `只有管理员可以${what}：请联系管理员。` });
  }
}
