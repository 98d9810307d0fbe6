#!/usr/bin/env node
'use strict';
// Entry point of `npx rectify`: runs the TypeScript CLI through scripts/register-ts.js (the same
// hook as the API and the worker), so a fresh clone needs no build step. Transpiled files are
// cached, so a command starts in about a second once run; the @rectify/* aliases resolve
// wherever the command is run from.
require('../scripts/register-ts.js');
void require('../apps/cli/src/main.ts').main();
