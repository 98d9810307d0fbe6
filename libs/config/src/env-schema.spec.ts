import { ConfigError, oneOf, port, readEnv, url } from './env-schema';

describe('readEnv', () => {
  const schema = { PORT: port(3000), REDIS_URL: url(['redis:', 'rediss:']), MODE: oneOf(['a', 'b'], 'a') };

  it('applies defaults and parses valid values', () => {
    expect(readEnv(schema, { REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({
      PORT: 3000,
      REDIS_URL: 'redis://127.0.0.1:6379',
      MODE: 'a',
    });
  });

  it('reports every bad variable by name in one error', () => {
    let caught: unknown;
    try {
      readEnv(schema, { PORT: 'eighty', REDIS_URL: 'http://x', MODE: 'c' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT="eighty"/);
    expect(problems[1]).toMatch(/^REDIS_URL=.*must start with redis:/);
    expect(problems[2]).toMatch(/^MODE="c".*one of a, b/);
  });

  it('names a missing required variable', () => {
    expect(() => readEnv(schema, {})).toThrow(/REDIS_URL is required/);
  });
});
