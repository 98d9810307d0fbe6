import { createHmac, randomBytes } from 'node:crypto';
import { HttpException, Injectable, Logger, type OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  ApplicationError,
  type ApplicationErrorCode,
  AuthenticateUseCase,
  FindSessionUserUseCase,
  requireSystemAccess,
} from '@rectify/application';
import { PgUsersRepository } from '@rectify/persistence';
import { type NextFunction, type Request, type Response } from 'express';
import { type CurrentUser, viewerOf } from '../auth/access-token';
import { AccessTokenVerifier } from '../auth/access-token-verifier';
import { passwordChangeRequired } from '../auth/password-change-gate';
import { LoginThrottle, TooManyLoginAttemptsException } from '../auth/login-throttle';
import { type ErrorBody } from '../common/error-body';

const CHALLENGE = 'Basic realm="rectify", charset="UTF-8"';
/**
 * A page load fetches dozens of assets and API calls: bcrypt runs once a minute, not for each.
 * Only the password check is remembered: the user's existence, role and state are read on every
 * request, and a changed token version (role, password or disabled changed) forgets the entry.
 */
const BASIC_CACHE_MS = 60_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The use-case refusals this page answers, by status (as the API's error filter does). */
const REFUSALS: Partial<Record<ApplicationErrorCode, number>> = {
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 401,
  ADMIN_ONLY: 403,
};

const unauthenticated = () =>
  new UnauthorizedException({
    code: 'UNAUTHENTICATED',
    message:
      '未登录：任务队列管理页面仅限管理员，请用管理员账号登录（浏览器会弹出登录框），或在请求头中携带 Authorization: Bearer <token>。',
  });

/**
 * Administrator login for the queue dashboard, which lives outside Nest's routes and guards:
 * a bearer token from POST /api/auth/login (checked like the API's guard, with the user read
 * fresh from the database), or HTTP Basic credentials so a browser can open the page directly
 * (throttled with the API's login, LoginThrottle). Refusals have the API's error shape.
 */
@Injectable()
export class DashboardAccess implements OnModuleInit {
  private readonly logger = new Logger('QueueDashboard');
  private tokens!: AccessTokenVerifier;
  private throttle!: LoginThrottle;
  // Keyed by a keyed hash of the credentials, so no password is held in memory.
  private readonly cacheKey = randomBytes(32);
  private readonly verified = new Map<string, { userId: string; tokenVersion: number; until: number }>();

  private readonly authenticate: AuthenticateUseCase;
  private readonly sessions: FindSessionUserUseCase;

  constructor(
    users: PgUsersRepository,
    private readonly moduleRef: ModuleRef,
  ) {
    this.authenticate = new AuthenticateUseCase(users);
    this.sessions = new FindSessionUserUseCase(users);
  }

  onModuleInit(): void {
    this.tokens = this.moduleRef.get(AccessTokenVerifier, { strict: false });
    this.throttle = this.moduleRef.get(LoginThrottle, { strict: false });
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.admit(req).then(next, (err: unknown) => this.refuse(res, err));
  };

  private async admit(req: Request): Promise<void> {
    // Basic credentials are sent by the browser on its own: refuse cross-site writes.
    const site = req.headers['sec-fetch-site'];
    if (UNSAFE_METHODS.has(req.method) && (site === 'cross-site' || site === 'same-site')) {
      throw new HttpException(
        {
          code: 'CROSS_SITE_REQUEST',
          message: '拒绝来自其他网站的队列操作请求：请在任务队列管理页面中操作。',
        },
        403,
      );
    }
    const user = await this.identify(req);
    // A one-time password opens nothing but its own change, here as on the API's routes.
    if (user.mustChangePassword) throw passwordChangeRequired();
    requireSystemAccess(viewerOf(user), 'MANAGE_QUEUES');
  }

  private async identify(req: Request): Promise<CurrentUser> {
    const header = req.headers.authorization ?? '';
    const space = header.indexOf(' ');
    const scheme = header.slice(0, Math.max(space, 0)).toLowerCase();
    const credentials = header.slice(space + 1).trim();
    if (scheme === 'bearer' && credentials) return this.fromToken(credentials);
    if (scheme === 'basic' && credentials) return this.fromPassword(credentials, req.ip ?? '');
    throw unauthenticated();
  }

  private fromToken(token: string): Promise<CurrentUser> {
    return this.tokens.verify(token);
  }

  private async fromPassword(encoded: string, clientAddress: string): Promise<CurrentUser> {
    const now = Date.now();
    const key = createHmac('sha256', this.cacheKey).update(encoded).digest('base64');
    const cached = this.verified.get(key);
    if (cached && cached.until > now) {
      const session = await this.sessions.execute(cached.userId);
      if (session && !session.disabled && session.tokenVersion === cached.tokenVersion)
        return this.tokens.admit(session, cached.tokenVersion);
    }
    this.verified.delete(key);

    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) throw unauthenticated();
    const username = decoded.slice(0, colon);
    const found = await this.throttle.attempt(clientAddress, username, () =>
      this.authenticate.execute({ username, password: decoded.slice(colon + 1) }),
    );
    if (this.verified.size >= 1000) this.forgetExpired(now);
    this.verified.set(key, {
      userId: found.id,
      tokenVersion: found.tokenVersion,
      until: now + BASIC_CACHE_MS,
    });
    return {
      sub: found.id,
      username: found.username,
      positions: found.positions,
      mustChangePassword: found.mustChangePassword,
    };
  }

  private forgetExpired(now: number): void {
    for (const [key, entry] of this.verified) if (entry.until <= now) this.verified.delete(key);
  }

  private refuse(res: Response, err: unknown): void {
    let status = 500;
    let body: ErrorBody = {
      code: 'INTERNAL_ERROR',
      message: '服务器内部错误：请稍后重试，或联系管理员。',
      details: null,
    };
    if (err instanceof ApplicationError && REFUSALS[err.code] !== undefined) {
      status = REFUSALS[err.code] as number;
      body = { code: err.code, message: err.message, details: null };
    } else if (err instanceof HttpException) {
      status = err.getStatus();
      const raw = err.getResponse() as Partial<ErrorBody>;
      body = { code: String(raw.code), message: String(raw.message), details: raw.details ?? null };
    } else {
      this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
    if (status === 401) res.setHeader('WWW-Authenticate', CHALLENGE);
    if (err instanceof TooManyLoginAttemptsException) res.setHeader('Retry-After', err.retryAfterSeconds);
    res.status(status).json(body);
  }
}
