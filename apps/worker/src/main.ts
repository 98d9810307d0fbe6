import 'reflect-metadata';
import { type AddressInfo } from 'node:net';
import { databaseLimitsOf, loadConfigOrExit, stopOnSignals } from '@rectify/config';
import { openDatabase } from '@rectify/persistence';
import { readWorkerConfig } from './config/worker-config';
import { createWorkerApp } from './create-worker-app';

/**
 * The worker alone. As for the API, the database is opened before Nest starts (a refusal is one
 * clear line) and closed after the worker's running jobs have finished on SIGTERM or Ctrl-C.
 */
async function bootstrap() {
  const config = loadConfigOrExit('worker', () => readWorkerConfig());
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.RECTIFY_DATA_DIR,
    limits: databaseLimitsOf(config),
  });
  const app = await createWorkerApp(config, false, db);
  await app.listen(config.WORKER_HEALTH_PORT, config.WORKER_HEALTH_HOST);
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(
    `worker: connected to Redis; health on http://${config.WORKER_HEALTH_HOST}:${port}/health\n`,
  );
  stopOnSignals(async () => {
    await app.close();
    await db.close();
  });
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
