/**
 * A tiny, dependency-free environment schema: each variable declares how to parse itself.
 * Configuration is read once at start-up; every bad variable is reported together so an
 * operator fixes them in one go.
 */
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

/** A secret of at least 16 characters; without a default it is required. */
export function secret(defaultValue?: string): EnvParser<string> {
  return (raw, name) => {
    if (isBlank(raw)) {
      if (defaultValue === undefined)
        throw new VariableError(
          `${name} is required in production: set it to a random string of 32+ characters.`,
        );
      return defaultValue;
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
