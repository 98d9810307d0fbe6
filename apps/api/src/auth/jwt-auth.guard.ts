import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { type Request } from 'express';
import { type AccessTokenClaims } from './access-token';
import { IS_PUBLIC } from './public.decorator';

/** Every route needs a valid, unexpired bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AccessTokenClaims }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException({
        code: 'UNAUTHENTICATED',
        message:
          '未登录：请先通过 POST /api/auth/login 登录，并在请求头中携带 Authorization: Bearer <token>。',
      });
    }
    try {
      request.user = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new UnauthorizedException({
        code: 'TOKEN_INVALID',
        message: '登录凭证无效或已过期：请重新登录。',
      });
    }
    return true;
  }
}
