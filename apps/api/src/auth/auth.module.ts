import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuthController } from './auth.controller';
import { AUTH_PROVIDERS } from './auth.providers';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LoginThrottle } from './login-throttle';
import { TokenIssuer } from './token-issuer';
import { TrustProxySetting } from './trust-proxy';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({
        // A key object, made once: given the text, jsonwebtoken first tries it as a PEM public
        // key on every verify and sign (a failed parse and a thrown error, ~2 ms a request).
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
        // maxAge bounds a token by its issue time too (`iat`), whatever `exp` it claims.
        verifyOptions: { algorithms: ['HS256'], maxAge: config.JWT_TTL_SECONDS },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    AccessTokenVerifier,
    LoginThrottle,
    TrustProxySetting,
    TokenIssuer,
    ...AUTH_PROVIDERS,
  ],
  exports: [AccessTokenVerifier, LoginThrottle, TokenIssuer],
})
export class AuthModule {}
