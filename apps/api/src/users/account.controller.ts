import { Body, Controller, HttpCode, Ip, Post, Res } from '@nestjs/common';
import { ChangeOwnPasswordUseCase } from '@rectify/application';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CurrentUser } from '../auth/access-token';
import { LoginResponse } from '../auth/auth.response';
import { AuthUser } from '../auth/current-user.decorator';
import { LoginThrottle, TooManyLoginAttemptsException } from '../auth/login-throttle';
import { AllowedBeforePasswordChange } from '../auth/password-change-gate';
import { type IssuedToken, TokenIssuer } from '../auth/token-issuer';
import { ApiErrors } from '../common/api-errors.decorator';
import { type Response } from 'express';
import { ChangePasswordDto } from './change-password.dto';

/** The signed-in person's own account. */
@ApiTags('auth 登录')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(
    private readonly changePassword: ChangeOwnPasswordUseCase,
    private readonly tokens: TokenIssuer,
    private readonly throttle: LoginThrottle,
  ) {}

  @ApiOperation({
    operationId: 'changeOwnPassword',
    summary: '修改本人密码',
    description:
      '需提供当前密码。修改后本人其他已登录的会话（包括本次请求所用的凭证）全部失效，响应给出新的登录凭证。使用一次性密码登录时也用此接口设置新密码。当前密码输错与登录失败一并计数，过多时返回 429。',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, 429)
  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(200)
  async change(
    @AuthUser() user: CurrentUser,
    @Body() body: ChangePasswordDto,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IssuedToken> {
    try {
      const changed = await this.throttle.attempt(ip, user.username, () =>
        this.changePassword.execute({
          userId: user.sub,
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
        }),
      );
      return await this.tokens.issue(changed);
    } catch (err) {
      if (err instanceof TooManyLoginAttemptsException) res.setHeader('Retry-After', err.retryAfterSeconds);
      throw err;
    }
  }
}
