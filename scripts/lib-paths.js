'use strict';
// The one list of the libs' import names (@rectify/domain → libs/domain/src …) is tsconfig.json's
// `paths`: tsc and tsx read it themselves, and Jest, the `node -r` hooks (register-ts.js,
// register-paths.js) and the benchmark's build (bench/support/register-build.cjs) read it here.
// A new lib is added to tsconfig.json only.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsconfigFile = path.join(root, 'tsconfig.json');

/**
 * tsconfig.json's `paths` as [{ pattern, target }], e.g. { pattern: '@rectify/domain/*',
 * target: 'libs/domain/src/*' }; targets are relative to the project root (baseUrl '.').
 * Throws, naming the file, when tsconfig.json is not plain JSON or has no paths.
 */
function libPaths() {
  let config;
  try {
    config = JSON.parse(fs.readFileSync(tsconfigFile, 'utf8'));
  } catch (err) {
    throw new Error(
      `${tsconfigFile}: cannot read its "paths" (${err.message}); it must stay plain JSON, without comments`,
    );
  }
  const { baseUrl = '.', paths } = config.compilerOptions ?? {};
  if (!paths) throw new Error(`${tsconfigFile}: compilerOptions.paths is missing`);
  return Object.entries(paths).map(([pattern, [target]]) => ({
    pattern,
    target: path.posix.join(baseUrl, target),
  }));
}

/**
 * A resolver for the path patterns: `resolve(request)` is the file or folder `request` names
 * under `baseDir` (the project root for the sources, dist/ for the build), or null when no
 * pattern matches it. Exact patterns win over wildcard ones, as in tsc.
 */
function libAliasResolver(baseDir) {
  const entries = libPaths();
  const exact = new Map(entries.filter((e) => !e.pattern.endsWith('*')).map((e) => [e.pattern, e.target]));
  const wildcards = entries
    .filter((e) => e.pattern.endsWith('*'))
    .map((e) => ({ prefix: e.pattern.slice(0, -1), target: e.target.replace(/\*$/, '') }));
  return (request) => {
    const target = exact.get(request);
    if (target !== undefined) return path.join(baseDir, target);
    const wildcard = wildcards.find((w) => request.startsWith(w.prefix));
    return wildcard ? path.join(baseDir, wildcard.target, request.slice(wildcard.prefix.length)) : null;
  };
}

/** Makes Node's require() resolve the path patterns against `baseDir` (see libAliasResolver). */
function registerLibAliases(baseDir) {
  const resolve = libAliasResolver(baseDir);
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveAlias(request, ...rest) {
    return original.call(this, resolve(request) ?? request, ...rest);
  };
}

/** The path patterns as Jest's moduleNameMapper, relative to <rootDir>. */
function jestModuleNameMapper() {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Object.fromEntries(
    libPaths().map(({ pattern, target }) =>
      pattern.endsWith('*')
        ? [`^${escape(pattern.slice(0, -1))}(.*)$`, `<rootDir>/${target.replace(/\*$/, '$1')}`]
        : [`^${escape(pattern)}$`, `<rootDir>/${target}`],
    ),
  );
}

module.exports = { libPaths, libAliasResolver, registerLibAliases, jestModuleNameMapper };
