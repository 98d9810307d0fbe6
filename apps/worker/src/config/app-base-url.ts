import { hostname } from 'node:os';

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '*']);

/**
 * The address the product serves, for links in reminder emails when APP_BASE_URL is not set:
 * `http://API_HOST:API_PORT`, as the API listens (both processes read the same environment).
 * An API bound to every interface (0.0.0.0, ::) is reached by the machine's name; an IPv6
 * address is bracketed. Behind a proxy or under another name, set APP_BASE_URL.
 */
export function appBaseUrlFor(apiHost: string, apiPort: number): string {
  const host = WILDCARDS.has(apiHost) ? hostname() : apiHost;
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${bracketed}:${apiPort}`;
}
