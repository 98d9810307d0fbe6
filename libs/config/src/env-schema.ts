/**
 * A tiny, dependency-free environment schema: each variable declares how to parse itself.
 * Configuration is read once at start-up; every bad variable is reported together so an
 * operator fixes them in one go.
 */
import { readOrCreateSecretFile } from './secret-file';

export type EnvParser<T> = (raw: string | undefined, name: string) => T;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

class VariableError extends Error {}

export function readEnv<S extends Record<string, EnvParser<unknown>>>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): { [K in keyof S]: ReturnType<S[K]> } {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, parse] of Object.entries(schema)) {
    try {
      out[name] = parse(env[name], name);
    } catch (err) {
      if (!(err instanceof VariableError)) throw err;
      problems.push(err.message);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as { [K in keyof S]: ReturnType<S[K]> };
}

const isBlank = (raw: string | undefined): raw is undefined => raw === undefined || raw.trim() === '';

export function port(defaultValue?: number): EnvParser<number> {
  return (raw, name) => {
    if (isBlank(raw)) {
      if (defaultValue === undefined)
        throw new VariableError(`${name} is required: set it to a TCP port (1-65535).`);
      return defaultValue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      throw new VariableError(`${name}="${raw}" is not a TCP port: use an integer from 0 to 65535.`);
    }
    return value;
  };
}

export function url(protocols: string[], defaultValue?: string): EnvParser<string> {
  return (raw, name) => {
    const example = `${protocols[0]}//127.0.0.1:6379`;
    if (isBlank(raw)) {
      if (defaultValue === undefined)
        throw new VariableError(`${name} is required: set it to a URL such as ${example}.`);
      return defaultValue;
    }
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new VariableError(`${name}="${raw}" is not a URL: use the form ${example}.`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new VariableError(
        `${name}="${raw}" must start with ${protocols.join(' or ')} (e.g. ${example}).`,
      );
    }
    return raw;
  };
}

export function oneOf<const T extends string>(values: readonly T[], defaultValue: T): EnvParser<T> {
  return (raw, name) => {
    if (isBlank(raw)) return defaultValue;
    if (!(values as readonly string[]).includes(raw)) {
      throw new VariableError(`${name}="${raw}" is not allowed: use one of ${values.join(', ')}.`);
    }
    return raw as T;
  };
}

export function host(defaultValue: string): EnvParser<string> {
  return (raw, name) => {
    if (isBlank(raw)) return defaultValue;
    if (/\s|\//.test(raw)) throw new VariableError(`${name}="${raw}" is not a host name or IP address.`);
    return raw;
  };
}

export function optionalUrl(protocols: string[]): EnvParser<string | undefined> {
  const parse = url(protocols, '');
  return (raw, name) => (isBlank(raw) ? undefined : parse(raw, name));
}

/**
 * A secret of at least 16 characters. When the variable is not set, `generatedFile` (if given)
 * supplies it: read from that file, created there on first use with 32 random bytes, mode 0600
 * (see readOrCreateSecretFile), so every process of one installation shares it. Without
 * `generatedFile` the variable is required. Never a constant from the source.
 */
export function secret(generatedFile?: string): EnvParser<string> {
  return (raw, name) => {
    if (isBlank(raw)) {
      if (generatedFile === undefined)
        throw new VariableError(
          `${name} is required here (production with a database server): set it to a random string of 32+ characters, the same for every API process.`,
        );
      try {
        return readOrCreateSecretFile(generatedFile);
      } catch (err) {
        throw new VariableError(
          `${name} is not set and its generated secret could not be read or created: ${err instanceof Error ? err.message : String(err)}. Set ${name} or fix the file.`,
        );
      }
    }
    if (raw.length < 16)
      throw new VariableError(`${name} is too short: use a random string of 32+ characters.`);
    return raw;
  };
}

export function positiveInt(defaultValue: number): EnvParser<number> {
  return (raw, name) => {
    if (isBlank(raw)) return defaultValue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0)
      throw new VariableError(`${name}="${raw}" must be a positive integer.`);
    return value;
  };
}

export function nonNegativeInt(defaultValue: number): EnvParser<number> {
  return (raw, name) => {
    if (isBlank(raw)) return defaultValue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0)
      throw new VariableError(`${name}="${raw}" must be a whole number, 0 or more.`);
    return value;
  };
}

/** A time of day, HH:MM (24-hour clock). */
export function timeOfDay(defaultValue: string): EnvParser<string> {
  return (raw, name) => {
    if (isBlank(raw)) return defaultValue;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw))
      throw new VariableError(`${name}="${raw}" is not a time of day: use HH:MM, e.g. 09:00.`);
    return raw;
  };
}

/** An optional ISO 8601 instant, e.g. 2024-10-08T09:00:00+08:00. */
export function optionalInstant(): EnvParser<Date | undefined> {
  return (raw, name) => {
    if (isBlank(raw)) return undefined;
    const value = new Date(raw);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(value.getTime()))
      throw new VariableError(`${name}="${raw}" is not an instant: use e.g. 2024-10-08T09:00:00+08:00.`);
    return value;
  };
}

/** Any non-empty text, or the default. */
export function text(defaultValue: string): EnvParser<string> {
  return (raw) => (isBlank(raw) ? defaultValue : raw);
}

/**
 * Express's `trust proxy`: which peers may say who the client is in X-Forwarded-For. Not set or
 * `false`: nobody (the socket's address is the client's). A number: that many proxy hops. Else a
 * comma-separated list of `loopback`, `linklocal`, `uniquelocal`, IP addresses or CIDR ranges.
 */
export function trustProxy(): EnvParser<false | number | string> {
  return (raw, name) => {
    if (isBlank(raw) || raw.trim() === 'false') return false;
    const value = raw.trim();
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const valid = (e: string) =>
      /^(loopback|linklocal|uniquelocal)$/.test(e) || /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(e);
    if (!entries.every(valid))
      throw new VariableError(
        `${name}="${raw}" is not a proxy setting: use false, a number of hops, or a list such as loopback,10.0.0.0/8.`,
      );
    return entries.join(',');
  };
}

/** A yes/no setting: `true`/`false` (also `1`/`0`, `yes`/`no`, any case); not set gives the default. */
export function flag(defaultValue: boolean): EnvParser<boolean> {
  return (raw, name) => {
    if (isBlank(raw)) return defaultValue;
    const value = raw.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    throw new VariableError(`${name}="${raw}" is not a yes/no setting: use true or false.`);
  };
}

const HOST_ENTRY = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** A comma-separated list of hosts (`host` or `host:port`); not set gives an empty list. */
export function hostList(): EnvParser<string[]> {
  return (raw, name) => {
    const hosts = (raw ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h !== '');
    const bad = hosts.filter((h) => !HOST_ENTRY.test(h));
    if (bad.length > 0)
      throw new VariableError(
        `${name}="${raw}" lists something that is no host (${bad.join(', ')}): use host or host:port, comma-separated, e.g. 127.0.0.1:8089.`,
      );
    return hosts;
  };
}
