'use strict';
// Resolves the @rectify/* aliases of tsconfig.json's paths against the compiled output in dist/,
// so `node dist/apps/...` runs without a bundler. Loaded with `node -r`.
const path = require('node:path');
const { registerLibAliases } = require('./lib-paths');

registerLibAliases(path.resolve(__dirname, '..', 'dist'));
