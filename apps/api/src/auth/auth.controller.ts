import { Body, Controller, Get, HttpCode, Inject, Ip, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { authenticate } from '@rectify/application';
import { OrganisationEntity, UserEntity } from '@rectify/persistence';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type AccessTokenClaims, type CurrentUser } from './access-token';
import { AuthUser } from './current-user.decorator';
import { LoginDto } from './login.dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { Public } from './public.decorator';

@Controller()
export class AuthController {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly limiter: LoginRateLimiter,
  ) {}

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
