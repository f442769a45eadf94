// Runs a start-up bundle (dist/js/start-*.cjs, bin/bundle-start.js) with V8's code cache:
// the build runs it once and saves the compiled code (`writeCache`, bin/build-js.js); later
// starts hand that to V8 instead of parsing and compiling 300 kB of JavaScript again (Node 20
// has no compile cache of its own). V8 checks the cache against its version, its flags and the
// source, and compiles normally when it does not fit (another Node version, NODE_OPTIONS), so a
// wrong or missing cache costs time, never correctness. CommonJS, like the rest of the start-up
// path (bin/vti.cjs says why).
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

/**
 * The bundles (cli/<name>.ts, built into dist/js/<name>.cjs by bin/bundle-start.js) and the
 * arguments of the run their code cache is made from ($DIR: the bundle folder). `vti emu` has
 * its own, with the golden model; everything else bin/vti.cjs sends here is the top help.
 */
const BUNDLES = {
  'start-help': { training: ['--help'] },
  'start-emu': { training: ['emu', '$DIR/no-such-program.elf'] },
};
/** The bundle that runs `vti ...argv`. */
const bundleFor = (argv) => (argv[0] === 'emu' ? 'start-emu' : 'start-help');
const codeCacheFile = (dir, name) => join(dir, `${name}.v8-cache`);

/**
 * Loads `dir`/`name`.cjs as Node loads CommonJS, but through vm.Script to pass the code
 * cache: its exports, and whether V8 took the cache ('used'), refused it ('rejected': another
 * Node version or V8 flags) or there was none ('none', or 'writing' when this run makes it).
 */
function loadBundle(dir, name, writeCache = false) {
  const file = join(dir, `${name}.cjs`);
  const cacheFile = codeCacheFile(dir, name);
  let cachedData;
  if (!writeCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {} // not built (yet): compile as usual
  }
  // The wrapper adds no line, so stack traces keep the bundle's line numbers.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  if (writeCache)
    // At exit, so that the functions the run compiled (lazily) are in the cache too.
    process.once('exit', () => {
      writeFileSync(cacheFile + '.tmp', script.createCachedData());
      renameSync(cacheFile + '.tmp', cacheFile);
    });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dir);
  const cache = writeCache ? 'writing' : !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { exports: module.exports, cache };
}

/** `vti ...argv` from bundle `name` in `dir`; `commandsDir` is the sources' cli/commands (which lists them). */
function runBundle(dir, name, argv, commandsDir, writeCache = false) {
  return loadBundle(dir, name, writeCache).exports.runBundled(argv, commandsDir);
}

module.exports = { BUNDLES, bundleFor, codeCacheFile, loadBundle, runBundle };
