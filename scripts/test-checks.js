'use strict';
// The static checks of `npm test`: `npm run lint` (ESLint, Prettier) and `npm run typecheck`
// (server and web) side by side, each a single-threaded chain, so both cores work. The web's
// generated client is written first (typecheck's pre-script), so ESLint never reads it half
// written. Each check's output is printed whole when it ends; exits 1 when either failed.
const { spawn } = require('node:child_process');

const log = (msg) => process.stderr.write(`[checks] ${msg}\n`);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs `npm run <script>` (without its pre- and post-scripts when `bare`), collecting its output;
 * resolves with the exit code, output and seconds.
 */
function runScript(script, bare = false) {
  const started = Date.now();
  const args = ['run', '--silent', ...(bare ? ['--ignore-scripts'] : []), script];
  const child = spawn(npm, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  return new Promise((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ script, code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - started) / 1000 }),
    ),
  );
}

async function main() {
  const generated = await runScript('pretypecheck');
  const results =
    generated.code === 0
      ? [generated, ...(await Promise.all([runScript('lint'), runScript('typecheck', true)]))]
      : [generated];
  for (const { script, code, output, seconds } of results) {
    if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    log(`npm run ${script}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds.toFixed(1)} s`);
  }
  process.exit(results.every((r) => r.code === 0) ? 0 : 1);
}

main().catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
