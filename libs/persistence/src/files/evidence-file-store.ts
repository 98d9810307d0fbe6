import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Evidence files on the local disk, one file per upload, named by a key the store generates
 * (a UUID), so no uploaded name ever becomes part of a path.
 */
export class EvidenceFileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async save(bytes: Uint8Array): Promise<string> {
    await mkdir(this.root, { recursive: true });
    const key = randomUUID();
    await writeFile(join(this.root, key), bytes, { flag: 'wx' });
    return key;
  }

  async read(key: string): Promise<Buffer> {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid evidence key: ${key}`);
    return readFile(join(this.root, key));
  }
}
