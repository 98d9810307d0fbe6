import 'reflect-metadata';
import { databaseLimitsOf, loadConfigOrExit, stopOnSignals } from '@rectify/config';
import { openDatabase } from '@rectify/persistence';
import { readApiConfig } from './config/api-config';
import { createApiApp } from './create-api-app';

/**
 * The API alone. The database is opened before Nest starts, so that a refusal (another process
 * owns the embedded data directory, the server cannot be reached) is one clear line, not a
 * stack trace; the process closes the app, then the database, on SIGTERM or Ctrl-C.
 */
async function bootstrap() {
  const config = loadConfigOrExit('api', () => readApiConfig());
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.RECTIFY_DATA_DIR,
    limits: databaseLimitsOf(config),
  });
  const app = await createApiApp(config, db);
  await app.listen(config.API_PORT, config.API_HOST);
  process.stdout.write(`api: listening on http://${config.API_HOST}:${config.API_PORT}/api\n`);
  stopOnSignals(async () => {
    await app.close();
    await db.close();
  });
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
