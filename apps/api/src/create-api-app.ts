import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Database } from '@rectify/persistence';
import { AppModule } from './app.module';
import { parseRequestBodies } from './common/request-body';
import { securityHeaders } from './common/security-headers';
import { QUEUE_DASHBOARD_PATH, QueueDashboard } from './queue-dashboard/queue-dashboard';
import { serveOpenApi } from './openapi';
import { type ApiConfig } from './config/api-config';
import { serveWebUi } from './web-ui/serve-web-ui';

/** Builds the API application; shared by main.ts and the e2e tests so both run the same app. */
export async function createApiApp(config: ApiConfig, sharedDatabase?: Database): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forConfig(config, sharedDatabase), {
    logger: config.NODE_ENV === 'test' ? false : ['log', 'warn', 'error'],
    // Replaced by parseRequestBodies: our size limit and Chinese errors, for every route.
    bodyParser: false,
  });
  // Security headers; CORS stays off (Nest's default): the web UI is served from the same origin.
  app.use(securityHeaders(config.HTTPS_ONLY));
  parseRequestBodies(app);
  // bull-board runs on Express itself, outside Nest's routes: its own login, no /api prefix.
  // Helmet's default CSP suits it (external same-origin scripts, inline styles allowed).
  app.use(QUEUE_DASHBOARD_PATH, ...app.get(QueueDashboard).handlers());
  app.setGlobalPrefix('api');
  serveWebUi(app, config.WEB_DIR);
  // A process hosting both apps (standalone) closes them itself, in order.
  if (!sharedDatabase) app.enableShutdownHooks();
  serveOpenApi(app);
  return app;
}
