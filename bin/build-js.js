#!/usr/bin/env node
// `npm run build:js` (also run by `npm ci` through `prepare`, and by `prepack`): compiles the
// CLI and everything it imports to dist/js/ with tsc (tsconfig.build.json), then writes the
// freshness stamp (bin/dist-stamp.js). A failed compile removes the stamp, so bin/vti.js keeps
// running the TypeScript sources; with --optional (the `prepare` hook of `npm ci`) that is a
// warning, not a failed install.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_DIR, STAMP_FILE, writeStamp } from './dist-stamp.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
rmSync(join(root, DIST_DIR), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) {
  rmSync(join(root, DIST_DIR, STAMP_FILE), { force: true });
  process.stderr.write(`build:js: tsc failed (exit ${r.status}); bin/vti.js will run the sources through tsx\n`);
  process.exit(process.argv.includes('--optional') ? 0 : 1);
}
console.log(`build:js: ${writeStamp(root)} sources compiled to ${DIST_DIR}`);
