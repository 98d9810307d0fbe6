'use strict';
// Loaded with `node -r` by the reminder benchmark's child processes: resolves the @rectify/*
// aliases against the benchmark's own build of the worker (BENCH_BUILD_DIR), like
// scripts/register-paths.js does for dist/.
const Module = require('node:module');
const path = require('node:path');

const libs = path.join(process.env.BENCH_BUILD_DIR ?? '', 'libs');
const original = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const match = /^@rectify\/(domain|workflow|config|persistence|application)(\/.*)?$/.exec(request);
  if (match) request = path.join(libs, match[1], 'src', match[2] ?? '');
  return original.call(this, request, ...rest);
};
