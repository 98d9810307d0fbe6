import { hostList } from './env-schema';

/**
 * ROBOT_WEBHOOK_HOSTS: hosts (`host` or `host:port`, comma-separated) accepted as group robot
 * (群机器人) webhooks besides the platforms' official ones, with plain http allowed: stand-ins
 * for tests and development. Empty by default, so production accepts only the official addresses.
 * Spread into an app's `readEnv` schema.
 */
export const ROBOT_WEBHOOK_ENV = { ROBOT_WEBHOOK_HOSTS: hostList() };
