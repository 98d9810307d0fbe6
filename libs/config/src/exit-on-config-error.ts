import { ConfigError } from './env-schema';

/** Reads configuration or stops the process with a message naming every bad variable. */
export function loadConfigOrExit<T>(appName: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${appName}: ${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
