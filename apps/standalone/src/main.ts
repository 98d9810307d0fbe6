import 'reflect-metadata';
import { databaseLimitsOf, loadConfigOrExit, stopOnSignals } from '@rectify/config';
import { openDatabase } from '@rectify/persistence';
import { readApiConfig } from '../../api/src/config/api-config';
import { createApiApp } from '../../api/src/create-api-app';
import { readWorkerConfig } from '../../worker/src/config/worker-config';
import { createWorkerApp } from '../../worker/src/create-worker-app';

/**
 * The API and the worker in one process, sharing one database connection. This is how
 * `npm start` runs on the embedded database (PGlite), which one process owns; with
 * DATABASE_URL they run as separate processes and scale out independently.
 */
async function bootstrap() {
  const apiConfig = loadConfigOrExit('api', () => readApiConfig());
  const workerConfig = loadConfigOrExit('worker', () => readWorkerConfig());
  // One pool serves both apps: the API's settings (the same variables as the worker's).
  const db = await openDatabase({
    databaseUrl: apiConfig.DATABASE_URL,
    dataDir: apiConfig.RECTIFY_DATA_DIR,
    limits: databaseLimitsOf(apiConfig),
  });
  const worker = await createWorkerApp(workerConfig, false, db);
  const api = await createApiApp(apiConfig, db);
  await worker.listen(workerConfig.WORKER_HEALTH_PORT, workerConfig.WORKER_HEALTH_HOST);
  await api.listen(apiConfig.API_PORT, apiConfig.API_HOST);
  process.stdout.write(
    `standalone: API on http://${apiConfig.API_HOST}:${apiConfig.API_PORT}/api, worker health on http://${workerConfig.WORKER_HEALTH_HOST}:${workerConfig.WORKER_HEALTH_PORT}/health (one process: embedded database)\n`,
  );
  // The API stops taking requests, the worker finishes its running jobs, then the database closes.
  stopOnSignals(async () => {
    await api.close();
    await worker.close();
    await db.close();
  });
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
