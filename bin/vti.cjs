#!/usr/bin/env node
// Entry point of the `vti` bin. cli/main.ts's runProcess owns the process: exit codes,
// internal errors (exit 70 with a saved stack trace), a closed or full stdout.
// Start-up: the top-level help and `vti emu` run a start-up bundle in dist/js/ (compiled
// JavaScript in one file with a V8 code cache; bin/bundle-start.js, bin/run-bundle.cjs, built by
// `npm ci` and `npm pack`) when it is there and up to date with the sources
// (bin/dist-stamp.cjs), which starts several times faster than compiling TypeScript on the fly;
// everything else, and any run with a stale or missing bundle, goes through tsx's loader. The
// other commands read files next to their sources (programs, reference Verilog, native sources,
// source locations for the generated Verilog), so they always run from the sources.
// VTI_FROM_SOURCE=1 forces tsx. This file and the two it requires are CommonJS: Node 20 starts
// an ES-module entry, and builds the module facade of every built-in it imports, in about 10 %
// of `vti emu`'s whole start-up.
'use strict';
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { DIST_DIR, distIsFresh } = require('./dist-stamp.cjs');

const argv = process.argv.slice(2);
const root = dirname(__dirname);
const bundledCommand = argv.length === 0 || ['--help', '-h', 'help', 'emu'].includes(argv[0]);
if (bundledCommand && process.env.VTI_FROM_SOURCE !== '1' && distIsFresh(root)) {
  const { bundleFor, runBundle } = require('./run-bundle.cjs');
  runBundle(join(root, DIST_DIR), bundleFor(argv), argv, join(root, 'cli', 'commands'));
} else {
  import('tsx/esm/api')
    .then(({ register }) => {
      register();
      return import(pathToFileURL(join(root, 'cli', 'main.ts')).href);
    })
    .then(({ runProcess }) => runProcess(argv));
}
