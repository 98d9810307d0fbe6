import { Body, Controller, Get, HttpCode, Ip, Post, Res, UnauthorizedException } from '@nestjs/common';
import { AuthenticateUseCase, GetProfileUseCase } from '@rectify/application';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { ApiErrors } from '../common/api-errors.decorator';
import { type CurrentUser } from './access-token';
import { AuthUser } from './current-user.decorator';
import { LoginDto } from './login.dto';
import { LoginThrottle, TooManyLoginAttemptsException } from './login-throttle';
import { AllowedBeforePasswordChange } from './password-change-gate';
import { Public } from './public.decorator';
import { type IssuedToken, TokenIssuer } from './token-issuer';
import { LoginResponse, MeResponse } from './auth.response';

@ApiTags('auth 登录')
@Controller()
export class AuthController {
  constructor(
    private readonly authenticate: AuthenticateUseCase,
    private readonly profiles: GetProfileUseCase,
    private readonly tokens: TokenIssuer,
    private readonly throttle: LoginThrottle,
  ) {}

  @ApiOperation({
    operationId: 'login',
    summary: '用户名密码登录，返回短期有效的 JWT',
    description:
      '同一用户名或同一地址登录失败次数过多时返回 429，并在 Retry-After 头中给出等待秒数。mustChangePassword 为 true 时（管理员重置的一次性密码），须先 POST /api/me/password 修改密码，其他接口返回 403 PASSWORD_CHANGE_REQUIRED。',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, 429)
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IssuedToken> {
    let user;
    try {
      user = await this.throttle.attempt(ip, body.username, () =>
        this.authenticate.execute({ username: body.username, password: body.password }),
      );
    } catch (err) {
      if (err instanceof TooManyLoginAttemptsException) res.setHeader('Retry-After', err.retryAfterSeconds);
      throw err;
    }
    return this.tokens.issue(user);
  }

  @ApiOperation({ operationId: 'getMe', summary: '当前登录用户' })
  @ApiOkResponse({ type: MeResponse })
  @ApiBearerAuth()
  @ApiErrors()
  @AllowedBeforePasswordChange()
  @Get('me')
  async me(@AuthUser() current: CurrentUser) {
    const profile = await this.profiles.execute({ userId: current.sub });
    if (!profile)
      throw new UnauthorizedException({ code: 'ACCOUNT_NOT_FOUND', message: '账号已不存在：请联系管理员。' });
    return profile;
  }
}
