import 'reflect-metadata';
import { type AddressInfo } from 'node:net';
import { loadConfigOrExit } from '@rectify/config';
import { readWorkerConfig } from './config/worker-config';
import { createWorkerApp } from './create-worker-app';

async function bootstrap() {
  const config = loadConfigOrExit('worker', () => readWorkerConfig());
  const app = await createWorkerApp(config);
  await app.listen(config.WORKER_HEALTH_PORT, config.WORKER_HEALTH_HOST);
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(
    `worker: connected to Redis; health on http://${config.WORKER_HEALTH_HOST}:${port}/health\n`,
  );
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
