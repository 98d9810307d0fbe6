import { host, oneOf, port, readEnv } from '@rectify/config';

export const API_CONFIG = Symbol('API_CONFIG');

export function readApiConfig(env: NodeJS.ProcessEnv = process.env) {
  return readEnv(
    {
      API_HOST: host('127.0.0.1'),
      API_PORT: port(3000),
      NODE_ENV: oneOf(['development', 'production', 'test'], 'development'),
    },
    env,
  );
}

export type ApiConfig = ReturnType<typeof readApiConfig>;
