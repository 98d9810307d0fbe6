'use strict';
// Loaded with `node -r` by the reminder benchmark's child processes: resolves the @rectify/*
// aliases of tsconfig.json's paths against the benchmark's own build of the worker
// (BENCH_BUILD_DIR), like scripts/register-paths.js does for dist/.
const { registerLibAliases } = require('../../scripts/lib-paths');

registerLibAliases(process.env.BENCH_BUILD_DIR ?? '');
