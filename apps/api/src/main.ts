import 'reflect-metadata';
import { loadConfigOrExit } from '@rectify/config';
import { readApiConfig } from './config/api-config';
import { createApiApp } from './create-api-app';

async function bootstrap() {
  const config = loadConfigOrExit('api', () => readApiConfig());
  const app = await createApiApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  process.stdout.write(`api: listening on http://${config.API_HOST}:${config.API_PORT}/api\n`);
}

void bootstrap();
