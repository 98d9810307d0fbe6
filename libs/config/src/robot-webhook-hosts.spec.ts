import { ConfigError, readEnv } from './env-schema';
import { ROBOT_WEBHOOK_ENV } from './robot-webhook-hosts';

describe('ROBOT_WEBHOOK_HOSTS', () => {
  it('is empty when not set, and a trimmed list of host or host:port otherwise', () => {
    expect(readEnv(ROBOT_WEBHOOK_ENV, {}).ROBOT_WEBHOOK_HOSTS).toEqual([]);
    expect(
      readEnv(ROBOT_WEBHOOK_ENV, { ROBOT_WEBHOOK_HOSTS: ' 127.0.0.1:8089, robots.test ,' })
        .ROBOT_WEBHOOK_HOSTS,
    ).toEqual(['127.0.0.1:8089', 'robots.test']);
  });

  it('stops start-up naming the variable when an entry is no host', () => {
    expect(() => readEnv(ROBOT_WEBHOOK_ENV, { ROBOT_WEBHOOK_HOSTS: 'http://robots.test/hook' })).toThrow(
      ConfigError,
    );
    expect(() => readEnv(ROBOT_WEBHOOK_ENV, { ROBOT_WEBHOOK_HOSTS: 'a b' })).toThrow(/ROBOT_WEBHOOK_HOSTS/);
  });
});
