import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { serveOpenApi } from './openapi';
import { type ApiConfig } from './config/api-config';

/** Builds the API application; shared by main.ts and the e2e tests so both run the same app. */
export async function createApiApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forConfig(config), {
    logger: config.NODE_ENV === 'test' ? false : ['log', 'warn', 'error'],
  });
  // Security headers; CORS stays off (Nest's default): the web UI is served from the same origin.
  app.use(helmet());
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  serveOpenApi(app);
  return app;
}
