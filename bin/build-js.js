#!/usr/bin/env node
// `npm run build:js` (also run by `npm ci` through `prepare`, and by `prepack`): bundles the
// start-up paths of the CLI (`vti --help`, `vti emu`) into dist/js/ with esbuild and makes their
// V8 code caches by running it once (bin/bundle-start.js), then writes the freshness stamp of the
// sources it used (bin/dist-stamp.cjs). A failed build leaves no stamp, so bin/vti.cjs keeps
// running the TypeScript sources; with --optional (the `prepare` hook of `npm ci`) that is a
// warning, not a failed install. Type errors are not this step's business (`npm run typecheck`).
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleStart, makeCodeCache } from './bundle-start.js';
import { DIST_DIR, writeStamp } from './dist-stamp.cjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, DIST_DIR);
rmSync(dist, { recursive: true, force: true });
try {
  const sources = await bundleStart(root, dist);
  const uncached = makeCodeCache(dist, join(root, 'cli', 'commands'));
  if (uncached.length > 0)
    process.stderr.write(`build:js: warning: no V8 code cache for ${uncached.join(', ')} (it runs, only slower)\n`);
  console.log(`build:js: ${writeStamp(root, sources)} sources bundled into ${DIST_DIR}`);
} catch (e) {
  rmSync(dist, { recursive: true, force: true });
  const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
  process.stderr.write(`build:js: bundling failed (${why}); bin/vti.cjs will run the sources through tsx\n`);
  process.exit(process.argv.includes('--optional') ? 0 : 1);
}
