import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
