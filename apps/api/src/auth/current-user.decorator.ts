import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type CurrentUser } from './access-token';

export const AuthUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): CurrentUser =>
    context.switchToHttp().getRequest<{ user: CurrentUser }>().user,
);
