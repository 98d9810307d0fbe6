'use strict';
// Preloaded by bench/cli-start.ts (`node -r …`): prints the process's peak RSS (KB) to stderr as
// it exits, so the benchmark reads it without a platform tool.
process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`));
