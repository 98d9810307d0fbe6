import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../database/with-database';

/** Where the product keeps evidence files: EVIDENCE_DIR, else the API's default `.run/evidence`. */
export function productEvidenceDir(): string {
  return process.env.EVIDENCE_DIR || join(PROJECT_ROOT, '.run', 'evidence');
}

/** This program's version (package.json), written into every backup's manifest. */
export function productVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/**
 * Where a restore puts the evidence files unless told: beside a database folder named `pglite`
 * the product's own layout (`.run/pglite` and `.run/evidence`), else a folder named after the
 * database folder (`/srv/restored` → `/srv/restored-evidence`), so two restores into one parent
 * folder never share one evidence folder.
 */
export function defaultEvidenceDir(dataDir: string): string {
  return basename(dataDir) === 'pglite'
    ? join(dirname(dataDir), 'evidence')
    : join(dirname(dataDir), `${basename(dataDir)}-evidence`);
}
