import { ConfigError, flag, readEnv } from './env-schema';

describe('flag', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['No', false],
  ])('reads %s as %s', (raw, expected) => {
    expect(readEnv({ HTTPS_ONLY: flag(false) }, { HTTPS_ONLY: raw })).toEqual({ HTTPS_ONLY: expected });
  });

  it('gives the default when the variable is not set or blank', () => {
    expect(readEnv({ A: flag(false), B: flag(true) }, { A: ' ' })).toEqual({ A: false, B: true });
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => readEnv({ HTTPS_ONLY: flag(false) }, { HTTPS_ONLY: 'on-ish' })).toThrow(ConfigError);
    expect(() => readEnv({ HTTPS_ONLY: flag(false) }, { HTTPS_ONLY: 'on-ish' })).toThrow(
      /HTTPS_ONLY="on-ish"/,
    );
  });
});
