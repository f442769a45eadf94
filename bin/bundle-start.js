// The start-up bundles (issue 13, item 4): cli/start-help.ts and cli/start-emu.ts with
// everything they import, bundled by esbuild into one CommonJS file each, `outDir`/start-*.cjs,
// that bin/run-bundle.cjs loads with a V8 code cache. Loading the ~65 modules behind `vti emu`
// one by one costs Node 20 about as much again as starting (and it has no module compile cache;
// a code cache needs vm.Script, hence CommonJS). Packages stay imports (the start-up path uses
// none), so the bundles hold the project's own sources only; the returned list (relative to
// `root`) is what the freshness stamp records (bin/dist-stamp.cjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLES, codeCacheFile } from './run-bundle.cjs';

/** Bundles the start-up paths of `root` into `outDir`; returns the sources they were built from. */
export async function bundleStart(root, outDir) {
  // Imported here, not at the top: a checkout without esbuild still loads this file (and says why).
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.keys(BUNDLES).map((name) => `cli/${name}.ts`),
    outdir: outDir,
    entryNames: '[name]',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // import.meta.url of the bundled modules: the bundle's own URL (CommonJS has no import.meta).
    banner: { js: 'const import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': 'import_meta_url' },
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

/**
 * Makes each bundle's V8 code cache in `outDir` by running it once in a child process (the same
 * Node, no flags) on its training arguments (bin/run-bundle.cjs: `vti emu` on a program that does
 * not exist runs the flags and the emulator's construction, and needs no IA-64 assembler).
 * Returns the bundles left without a cache (they still run, only slower).
 */
export function makeCodeCache(outDir, commandsDir) {
  const runBundle = fileURLToPath(new URL('./run-bundle.cjs', import.meta.url));
  const missing = [];
  for (const [name, { training }] of Object.entries(BUNDLES)) {
    const argv = training.map((a) => a.replace('$DIR', outDir));
    const args = [outDir, name, argv, commandsDir, true].map((a) => JSON.stringify(a)).join(', ');
    spawnSync(process.execPath, ['-e', `require(${JSON.stringify(runBundle)}).runBundle(${args})`], {
      stdio: 'ignore',
    });
    if (!existsSync(codeCacheFile(outDir, name))) missing.push(name);
  }
  return missing;
}
