'use strict';
// Runs the TypeScript sources directly: `node -r ./scripts/register-ts.js apps/worker/src/main.ts`.
// Unlike tsx (esbuild), TypeScript's own transpiler emits decorator metadata, which Nest needs to
// inject constructor parameters by type. Also resolves the @rectify/* aliases of tsconfig.json's
// paths to the sources (scripts/lib-paths.js).
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { registerLibAliases } = require('./lib-paths');

const root = path.resolve(__dirname, '..');
// `module` and `target` by name: TypeScript (slow to load) is loaded only when a file is not cached.
const OPTIONS = {
  module: 'CommonJS',
  target: 'ES2022',
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
};
// Transpiled files, keyed by TypeScript's version, the options, the path and the source: every
// process started this way (the API, the worker, test children) otherwise transpiles the whole
// app again, seconds each time.
const CACHE_DIR = path.join(root, 'node_modules/.cache/rectify-register-ts');
const TS_VERSION = require('typescript/package.json').version;

let transpiler = null;
function transpile(source, filename) {
  if (!transpiler) {
    const ts = require('typescript');
    const compilerOptions = {
      ...OPTIONS,
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
    };
    transpiler = (text, fileName) => ts.transpileModule(text, { compilerOptions, fileName }).outputText;
  }
  return transpiler(source, filename);
}

/** The transpiled text of `filename`, from the cache when it holds this source; cache errors only cost time. */
function compiled(source, filename) {
  const key = createHash('sha256')
    .update(`${TS_VERSION}\0${JSON.stringify(OPTIONS)}\0${filename}\0${source}`)
    .digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  const output = transpile(source, filename);
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed, so a process starting at the same time never reads half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(partial, output);
    fs.renameSync(partial, cached);
  } catch {
    // a read-only checkout: transpile every time
  }
  return output;
}

registerLibAliases(root);

require.extensions['.ts'] = (module, filename) => {
  module._compile(compiled(fs.readFileSync(filename, 'utf8'), filename), filename);
};
