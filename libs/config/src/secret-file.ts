import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Bytes of randomness in a generated secret; written as 64 hexadecimal characters. */
export const GENERATED_SECRET_BYTES = 32;

/** A secret file that exists but holds something else than a usable secret. */
export class SecretFileError extends Error {}

function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const secret = text.trim();
  if (secret.length < GENERATED_SECRET_BYTES) {
    throw new SecretFileError(
      `${file} holds no usable secret (fewer than ${GENERATED_SECRET_BYTES} characters): delete it to have a new one generated, which logs everybody out.`,
    );
  }
  return secret;
}

/**
 * The secret stored in `file`, created on first use with 32 random bytes (hex) and mode 0600.
 * Safe when several processes start at once (see createSecretFile): all of them agree.
 * @throws SecretFileError when the file exists but is empty or too short
 * @throws NodeJS.ErrnoException when the folder cannot be created or written
 */
export function readOrCreateSecretFile(file: string): string {
  return readSecret(file) ?? createSecretFile(file);
}

/**
 * Creates `file` with a new secret unless it exists by now, and returns the secret it holds.
 * Each caller writes a complete temporary file and hard-links it to `file`, which succeeds for
 * exactly one of several racing processes (O_EXCL semantics, and no reader ever sees a half
 * written file); the others keep the winner's secret.
 * @throws as readOrCreateSecretFile
 */
export function createSecretFile(file: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(GENERATED_SECRET_BYTES).toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(temp);
  }
  const secret = readSecret(file);
  if (secret === undefined) throw new SecretFileError(`${file} vanished right after it was created.`);
  return secret;
}
