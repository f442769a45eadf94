// The start-up bundle (issue 13, item 4): cli/start-bundle.ts and everything it imports,
// bundled by esbuild into `outDir` — the entry `start-bundle.js` (the process, argument parsing,
// the top help) and, split off, the emu command with the golden model (`chunks/`, loaded only
// by `vti emu`). Loading ~65 modules one by one costs Node 20 about as much again as starting;
// one file does not. Packages stay imports (the start-up path uses none), so the bundle holds
// the project's own sources only; the returned list (relative to `root`) is what the freshness
// stamp records (bin/dist-stamp.js).
import { isAbsolute } from 'node:path';

export const START_ENTRY = 'start-bundle.js';

/** Bundles the start-up path of `root` into `outDir`; returns the sources it was built from. */
export async function bundleStart(root, outDir) {
  // Imported here, not at the top: a checkout without esbuild still loads this file (and says why).
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/start-bundle.ts'],
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false, // the package ships the sources themselves
    metafile: true,
    logLevel: 'warning',
  });
  const sources = Object.keys(result.metafile.inputs);
  const outside = sources.filter((s) => isAbsolute(s) || s.startsWith('..') || s.includes('node_modules'));
  if (outside.length > 0)
    throw new Error(`start-up bundle: unexpected inputs outside the project: ${outside.join(', ')}`);
  return sources.sort();
}
