'use strict';
// Runs the TypeScript sources directly: `node -r ./scripts/register-ts.js apps/worker/src/main.ts`.
// Unlike tsx (esbuild), TypeScript's own transpiler emits decorator metadata, which Nest needs to
// inject constructor parameters by type. Also resolves the @rectify/* aliases to libs/*/src.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
};

const original = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const match = /^@rectify\/(domain|workflow|config|persistence|application)(\/.*)?$/.exec(request);
  if (match) request = path.join(root, 'libs', match[1], 'src', match[2] ?? '');
  return original.call(this, request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
