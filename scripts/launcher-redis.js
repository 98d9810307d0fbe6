'use strict';
// Which Redis `npm start` gives the apps: the one REDIS_URL names, else a private one it starts
// and keeps running (services.js).
const { startRedis, superviseRedis, log } = require('./services');

/**
 * A Redis URL fit for a log line: the password (and a user name) replaced by `***`.
 * @param {string} url
 * @returns {string}
 */
function redactRedisUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username) parsed.username = '***';
    return parsed.toString();
  } catch {
    return '(REDIS_URL is no URL: the apps will say so)';
  }
}

/**
 * The Redis of the launched apps. With `redisUrl` (REDIS_URL) that server is used as it is:
 * no private Redis is started or supervised, and a log line names the server (password
 * hidden). Without it, a private redis-server is started on `port` (else a free one) with its
 * data in `dataDir`, and started again when it dies (superviseRedis; `onGiveUp` when it keeps
 * dying, `isStopping` tells a wanted stop from a death).
 * @param {{ redisUrl?: string, dataDir: string, port?: number, isStopping: () => boolean, onGiveUp: () => unknown }} opts
 * @returns {Promise<{ url: string, private: boolean, stop: () => Promise<void> }>} `stop` ends a private Redis; for REDIS_URL it does nothing.
 */
async function redisForLauncher({ redisUrl, dataDir, port, isStopping, onGiveUp }) {
  if (redisUrl) {
    log(`using the Redis named by REDIS_URL (${redactRedisUrl(redisUrl)}); no private Redis started`);
    return { url: redisUrl, private: false, stop: async () => {} };
  }
  const redis = await startRedis({ dataDir, port });
  // A Redis that dies under the product (killed, out of memory) is started again on the same
  // port and data (AOF): the apps reconnect by themselves.
  const supervised = superviseRedis(redis, { dataDir, isStopping, onGiveUp });
  return { url: redis.url, private: true, stop: () => supervised.current().stop() };
}

module.exports = { redisForLauncher, redactRedisUrl };
