import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { accountDisabled, FindSessionUserUseCase } from '@rectify/application';
import { type SessionUser } from '@rectify/persistence';
import { type AccessTokenClaims, type CurrentUser } from './access-token';

const tokenInvalid = () =>
  new UnauthorizedException({ code: 'TOKEN_INVALID', message: '登录凭证无效或已过期：请重新登录。' });

/** How far ahead of this machine's clock a token's issue time may be. */
const MAX_CLOCK_SKEW_SECONDS = 60;

/**
 * Decides who a bearer token belongs to, now: the signature, the algorithm (HS256), a required
 * expiry within JWT_TTL_SECONDS of issue, and then the user as the database has it at this
 * moment (one primary-key lookup, no cache), so that deleting, disabling or demoting a user, or
 * changing their password, takes effect on their very next request.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: FindSessionUserUseCase,
  ) {}

  /**
   * The current user of a token.
   * @throws UnauthorizedException TOKEN_INVALID (bad signature, expired, no `exp`), ACCOUNT_NOT_FOUND,
   *   TOKEN_REVOKED (password or disabled changed since login)
   * @throws ApplicationError ACCOUNT_DISABLED (HTTP 401)
   */
  async verify(token: string): Promise<CurrentUser> {
    let claims: AccessTokenClaims & { exp?: unknown; iat?: unknown };
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp?: unknown; iat?: unknown }>(token);
    } catch {
      throw tokenInvalid();
    }
    // jsonwebtoken accepts a token without `exp` as never expiring: ours always have one.
    if (typeof claims.exp !== 'number' || typeof claims.ver !== 'number' || typeof claims.sub !== 'string')
      throw tokenInvalid();
    // The age limit counts from `iat`: one in the future would stretch it (a minute of clock skew allowed).
    if (typeof claims.iat !== 'number' || claims.iat > Date.now() / 1000 + MAX_CLOCK_SKEW_SECONDS)
      throw tokenInvalid();
    return this.admit(await this.sessions.execute(claims.sub), claims.ver);
  }

  /**
   * The current user when `session` (read just now) still matches `tokenVersion`.
   * @throws as verify
   */
  admit(session: SessionUser | null, tokenVersion: number): CurrentUser {
    if (!session) {
      throw new UnauthorizedException({
        code: 'ACCOUNT_NOT_FOUND',
        message: '账号已不存在：请联系管理员。',
      });
    }
    if (session.disabled) throw accountDisabled();
    if (session.tokenVersion !== tokenVersion) {
      throw new UnauthorizedException({
        code: 'TOKEN_REVOKED',
        message: '账号的密码或状态已变更，此前的登录凭证已失效：请重新登录。',
      });
    }
    return {
      sub: session.id,
      username: session.username,
      positions: session.positions,
      mustChangePassword: session.mustChangePassword,
    };
  }
}
