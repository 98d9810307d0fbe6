'use strict';
// `npm run openapi`: writes the API's OpenAPI document to apps/web/openapi.json, the contract the
// web client is generated from (scripts/generate-web-api.js). It needs no database or Redis: Nest's
// preview mode builds the module graph and reads the routes without constructing any provider.
// test/api/openapi.e2e-spec.ts fails when the committed file differs from what the API serves.
require('./register-ts');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const OPENAPI_FILE = path.join(root, 'apps/web/openapi.json');

/** The document as the running API serves it at /api/docs/openapi.json. */
async function buildDocument() {
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require('../apps/api/src/app.module');
  const { readApiConfig } = require('../apps/api/src/config/api-config');
  const { buildOpenApiDocument } = require('../apps/api/src/openapi');
  // A fixed secret: reading the config must not create the installation's secret file.
  const config = readApiConfig({ NODE_ENV: 'test', JWT_SECRET: 'openapi-emitter-not-a-secret-0123456789' });
  const app = await NestFactory.create(AppModule.forConfig(config), { preview: true, logger: false });
  app.setGlobalPrefix('api');
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The document as committed: JSON formatted the way `prettier --check` expects. */
async function formatDocument(document) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(OPENAPI_FILE)) ?? {};
  return prettier.format(JSON.stringify(document), { ...options, filepath: OPENAPI_FILE });
}

async function main() {
  const text = await formatDocument(await buildDocument());
  fs.writeFileSync(OPENAPI_FILE, text);
  console.log(`wrote ${path.relative(root, OPENAPI_FILE)}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

module.exports = { OPENAPI_FILE, buildDocument };
