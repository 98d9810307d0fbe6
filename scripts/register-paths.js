'use strict';
// Resolves the @rectify/* aliases of tsconfig.json against the compiled output in dist/,
// so `node dist/apps/...` runs without a bundler. Loaded with `node -r`.
const Module = require('node:module');
const path = require('node:path');

const dist = path.resolve(__dirname, '..', 'dist', 'libs');
const original = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const match = /^@rectify\/(domain|workflow|config|persistence|application)(\/.*)?$/.exec(request);
  if (match) request = path.join(dist, match[1], 'src', match[2] ?? '');
  return original.call(this, request, ...rest);
};
