import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * All SQL and all database access live in libs/persistence: its repositories own every
 * statement, so a rule such as "which statuses are open" or "what may this person see" is written
 * once. Tests, benches and scripts may set up data with SQL; product code outside
 * libs/persistence may not, and may not reach for the driver or TypeORM either.
 */
const ROOT = join(__dirname, '../..');
const PRODUCT = ['apps', 'libs'];
const ALLOWED = ['libs/persistence/'];

const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  {
    what: 'an SQL statement',
    pattern: /\b(?:SELECT\s[\s\S]*?\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/,
  },
  { what: 'a TypeORM import', pattern: /from\s+'typeorm'/ },
  { what: 'a PostgreSQL driver import', pattern: /from\s+'(?:pg|@electric-sql\/[\w-]+)'/ },
  { what: 'a raw query call', pattern: /\.(?:query|createQueryBuilder|getRepository)\(/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.(?:ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('no SQL outside libs/persistence', () => {
  it('finds no statement, query call, TypeORM or driver import in product code outside libs/persistence', () => {
    const offences: string[] = [];
    for (const file of PRODUCT.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
      const path = relative(ROOT, file);
      if (ALLOWED.some((allowed) => path.startsWith(allowed))) continue;
      const text = readFileSync(file, 'utf8');
      for (const { what, pattern } of FORBIDDEN) if (pattern.test(text)) offences.push(`${path}: ${what}`);
    }
    expect(offences).toEqual([]);
  });

  it('would notice a statement, a query call and a TypeORM import', () => {
    const planted = [
      "const rows = await db.query(`SELECT id FROM rectification_item WHERE status = 'completed'`);",
      "import { DataSource } from 'typeorm';",
      'await m.query(`UPDATE rectification_item SET status = $1`, [s]);',
    ];
    for (const text of planted) expect(FORBIDDEN.some(({ pattern }) => pattern.test(text))).toBe(true);
  });
});
