import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type UserRecord } from '@rectify/persistence';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type AccessTokenClaims } from './access-token';

/** What a login (or a password change, which ends the sessions before it) answers. */
export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds. */
  expiresIn: number;
  /** The password is a reset's one-time password: the client must have it changed first. */
  mustChangePassword: boolean;
}

/** Signs access tokens for an account as the database has it now (its token version). */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async issue(user: UserRecord): Promise<IssuedToken> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      ver: user.tokenVersion,
    };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_TTL_SECONDS,
      mustChangePassword: user.mustChangePassword,
    };
  }
}
