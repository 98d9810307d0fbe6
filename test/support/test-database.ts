import { createHash, randomUUID } from 'node:crypto';
import { MIGRATIONS, openDatabase } from '@rectify/persistence';
import { Client } from 'pg';

/** Advisory lock held while the migrated template is made, so Jest workers make it once. */
const TEMPLATE_LOCK = [0x72656374, 0x74706c74] as const;

/**
 * A fresh database on the test PostgreSQL server (DATABASE_URL), so a test's workers, sweeps
 * and ledger see only its own rows. Dropped by `drop()`.
 *
 * By default it is a copy of a template database migrated once per server (`CREATE DATABASE …
 * TEMPLATE`, quicker than running every migration again), so opening it finds nothing pending;
 * `{ empty: true }` gives a database without any table, for tests of the migrations themselves.
 */
export async function createTestDatabase({ empty = false } = {}): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set: run the tests through `npm test`.');
  const name = `rectify_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const template = empty ? null : await migratedTemplate(admin, serverUrl);
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The name of a database holding every migration of this checkout and nothing else, made on
 * first use (migrated under another name, then renamed, so a half-made one is never copied).
 * Its name carries a hash of the migrations' names: a new migration gets a new template.
 */
async function migratedTemplate(admin: Client, serverUrl: string): Promise<string> {
  const hash = createHash('sha256')
    .update(MIGRATIONS.map((m) => m.name).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const name = `rectify_template_${hash}`;
  await admin.query(`SELECT pg_advisory_lock($1, $2)`, [...TEMPLATE_LOCK]);
  try {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (rowCount) return name;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const db = await openDatabase({ databaseUrl: databaseUrl(serverUrl, building) });
    await db.close();
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    return name;
  } finally {
    await admin.query(`SELECT pg_advisory_unlock($1, $2)`, [...TEMPLATE_LOCK]);
  }
}
