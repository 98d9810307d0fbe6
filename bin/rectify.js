#!/usr/bin/env node
'use strict';
// Entry point of `npx rectify`: runs the TypeScript CLI through tsx, so a fresh clone needs
// no build step. The path aliases of tsconfig.json resolve wherever the command is run from.
const path = require('node:path');
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, '..', 'tsconfig.json');
require('tsx/cjs');
void require('../apps/cli/src/main.ts').main();
