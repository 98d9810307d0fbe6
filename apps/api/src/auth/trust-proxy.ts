import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type Application } from 'express';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Applies TRUST_PROXY to Express, which then takes `req.ip` (the address login throttling counts)
 * from X-Forwarded-For only when the request came through a trusted proxy. Off by default: a
 * client cannot pick its own address by sending the header.
 */
@Injectable()
export class TrustProxySetting implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<Application>();
    app?.set('trust proxy', this.config.TRUST_PROXY);
  }
}
