'use strict';
// Runs the TypeScript sources directly: `node -r ./scripts/register-ts.js apps/worker/src/main.ts`.
// Unlike tsx (esbuild), TypeScript's own transpiler emits decorator metadata, which Nest needs to
// inject constructor parameters by type. Also resolves the @rectify/* aliases of tsconfig.json's
// paths to the sources (scripts/lib-paths.js).
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { registerLibAliases } = require('./lib-paths');

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

registerLibAliases(root);

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
