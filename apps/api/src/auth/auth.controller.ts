import { Body, Controller, Get, HttpCode, Inject, Ip, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { authenticate } from '@rectify/application';
import { OrganisationEntity, UserEntity } from '@rectify/persistence';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { ApiErrors } from '../common/api-errors.decorator';
import { type AccessTokenClaims, type CurrentUser } from './access-token';
import { AuthUser } from './current-user.decorator';
import { LoginDto } from './login.dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { Public } from './public.decorator';

@ApiTags('auth 登录')
@Controller()
export class AuthController {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly limiter: LoginRateLimiter,
  ) {}

  @ApiOperation({ summary: '用户名密码登录，返回短期有效的 JWT' })
  @ApiErrors(400, 429)
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Ip() ip: string) {
    this.limiter.check(ip, body.username);
    const user = await authenticate(this.db, body.username, body.password);
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, role: user.role };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_TTL_SECONDS,
    };
  }

  @ApiOperation({ summary: '当前登录用户' })
  @ApiBearerAuth()
  @ApiErrors()
  @Get('me')
  async me(@AuthUser() current: CurrentUser) {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: current.sub });
    if (!user)
      throw new UnauthorizedException({ code: 'TOKEN_INVALID', message: '账号已不存在：请联系管理员。' });
    const org = await this.db.getRepository(OrganisationEntity).findOneByOrFail({ id: user.organisationId });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organisation: { id: org.id, name: org.name, kind: org.kind },
    };
  }
}
