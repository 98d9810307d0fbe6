import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSecretFile, readOrCreateSecretFile, SecretFileError } from './secret-file';

const ROOT = resolve(__dirname, '../../..');

/** Starts a process that creates/reads the secret file once told to on stdin, and prints it. */
function contender(file: string): { ready: Promise<void>; go: () => void; secret: Promise<string> } {
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(ROOT, 'scripts/register-ts.js'),
      '-e',
      `const { readOrCreateSecretFile } = require(${JSON.stringify(join(__dirname, 'secret-file.ts'))});
       process.stdin.once('data', () => { process.stdout.write(readOrCreateSecretFile(process.argv[1])); process.exit(0); });
       process.stdout.write('ready\\n');`,
      file,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) readyResolve();
  });
  // 'close', not 'exit': 'exit' may come before the last of stdout has been read, and a secret
  // cut short there made two contenders look as if they disagreed (seen once, under load).
  const secret = new Promise<string>((resolvePromise, reject) => {
    child.on('close', (code) =>
      code === 0 ? resolvePromise(out.slice('ready\n'.length)) : reject(new Error(`exit ${code}`)),
    );
  });
  return { ready, go: () => void child.stdin.write('go\n'), secret };
}

describe('readOrCreateSecretFile', () => {
  it('creates 32 random bytes as hex with mode 0600 once and returns the same secret afterwards', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rectify-secret-')), 'nested', 'jwt-secret');
    const first = readOrCreateSecretFile(file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(file)).toBe(first);
    expect(readdirSync(join(file, '..'))).toEqual(['jwt-secret']);
  });

  it('gives two installations different secrets', () => {
    const a = readOrCreateSecretFile(join(mkdtempSync(join(tmpdir(), 'rectify-secret-')), 'jwt-secret'));
    const b = readOrCreateSecretFile(join(mkdtempSync(join(tmpdir(), 'rectify-secret-')), 'jwt-secret'));
    expect(a).not.toBe(b);
  });

  it('lets eight processes starting at once agree on one secret', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rectify-secret-')), 'jwt-secret');
    const contenders = Array.from({ length: 8 }, () => contender(file));
    await Promise.all(contenders.map((c) => c.ready));
    for (const c of contenders) c.go();
    const secrets = await Promise.all(contenders.map((c) => c.secret));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]).toBe(readOrCreateSecretFile(file));
    expect(readdirSync(join(file, '..'))).toEqual(['jwt-secret']);
  }, 60_000);

  it('keeps the secret of a process that created the file first, after this one had looked', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rectify-secret-')), 'jwt-secret');
    const winner = 'a'.repeat(64);
    writeFileSync(file, `${winner}\n`, { mode: 0o600 });
    expect(createSecretFile(file)).toBe(winner);
    expect(readOrCreateSecretFile(file)).toBe(winner);
    expect(readdirSync(join(file, '..'))).toEqual(['jwt-secret']);
  });

  it('refuses a file that exists but holds no usable secret, and names it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rectify-secret-')), 'jwt-secret');
    writeFileSync(file, 'short\n');
    expect(() => readOrCreateSecretFile(file)).toThrow(SecretFileError);
    expect(() => readOrCreateSecretFile(file)).toThrow(file);
  });
});
