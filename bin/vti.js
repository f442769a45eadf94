#!/usr/bin/env node
// Entry point of the `vti` bin. cli/main.ts's runProcess owns the process: exit codes,
// internal errors (exit 70 with a saved stack trace), a closed or full stdout.
// Start-up: the top-level help and `vti emu` run the start-up bundle in dist/js/ (compiled
// JavaScript, one file plus the emu chunk; bin/bundle-start.js, built by `npm ci` and `npm pack`)
// when it is there and up to date with the sources (bin/dist-stamp.js), which starts several
// times faster than compiling TypeScript on the fly; everything else, and any run with a stale
// or missing bundle, goes through tsx's loader. The other commands read files next to their
// sources (programs, reference Verilog, native sources, source locations for the generated
// Verilog), so they always run from the sources. VTI_FROM_SOURCE=1 forces tsx.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from './dist-stamp.js';

const argv = process.argv.slice(2);
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bundledCommand = argv.length === 0 || ['--help', '-h', 'help', 'emu'].includes(argv[0]);
if (bundledCommand && process.env.VTI_FROM_SOURCE !== '1' && distIsFresh(root)) {
  const { runBundled } = await import('../dist/js/start-bundle.js');
  await runBundled(argv, join(root, 'cli', 'commands'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runProcess } = await import('../cli/main.ts');
  await runProcess(argv);
}
