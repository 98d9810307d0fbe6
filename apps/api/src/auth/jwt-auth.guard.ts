import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Request } from 'express';
import { type CurrentUser } from './access-token';
import { AccessTokenVerifier } from './access-token-verifier';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, passwordChangeRequired } from './password-change-gate';
import { IS_PUBLIC } from './public.decorator';

/**
 * Every route needs a valid, unexpired bearer token of a user who still exists, is not disabled
 * and has not changed password or state since, unless marked @Public(). Attaches the user with
 * their current positions to the request. A person signed in with a reset's one-time password gets
 * only the routes marked @AllowedBeforePasswordChange() (403 PASSWORD_CHANGE_REQUIRED elsewhere).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<Request & { user?: CurrentUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException({
        code: 'UNAUTHENTICATED',
        message:
          '未登录：请先通过 POST /api/auth/login 登录，并在请求头中携带 Authorization: Bearer <token>。',
      });
    }
    request.user = await this.verifier.verify(token);
    // Read fresh with the session, so the change opens every route on the very next request.
    if (
      request.user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      throw passwordChangeRequired();
    return true;
  }
}
