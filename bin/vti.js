#!/usr/bin/env node
// Entry point of the `vti` bin. cli/main.ts's runProcess owns the process: exit codes,
// internal errors (exit 70 with a saved stack trace), a closed or full stdout.
// Start-up: the top-level help and `vti emu` run the compiled JavaScript in dist/js/ when it is
// there and up to date with the sources (bin/dist-stamp.js; built by `npm ci`), which starts
// several times faster than compiling TypeScript on the fly; everything else, and any run with
// stale or missing dist/js, goes through tsx's loader. The other commands read files next to
// their sources (programs, reference Verilog, native sources, source locations for the
// generated Verilog), so they always run from the sources. VTI_FROM_SOURCE=1 forces tsx.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from './dist-stamp.js';

const argv = process.argv.slice(2);
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const compiledCommand = argv.length === 0 || ['--help', '-h', 'help', 'emu'].includes(argv[0]);
let main;
if (compiledCommand && process.env.VTI_FROM_SOURCE !== '1' && distIsFresh(root)) {
  main = new URL('../dist/js/cli/main.js', import.meta.url).href;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = new URL('../cli/main.ts', import.meta.url).href;
}
const { runProcess } = await import(main);
await runProcess(argv);
