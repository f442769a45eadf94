// The compiled CLI in dist/js/ (built by `npm run build:js`, run by `npm ci` through `prepare`)
// is used only while it matches the sources. Rule: the build writes dist/js/stamp.json with
// the size, modification time and SHA-1 of every TypeScript source it bundled; the compiled
// code is fresh when every one of those sources still has that content. A source whose size
// and mtime are as recorded counts as unchanged without reading it (one stat per file, a few
// milliseconds in all); one whose mtime moved (a checkout, a touch, an installed package's
// extracted files) is read and hashed. Editing or deleting any source makes the build stale
// (bin/vti.cjs then runs the TypeScript through tsx, so development and tests never run stale
// code); a new file matters only once a bundled file imports it, and that import is an edit.
// CommonJS, like the rest of the start-up path (bin/vti.cjs says why).
'use strict';
const { readFileSync, statSync, writeFileSync, renameSync } = require('node:fs');
const { join, sep } = require('node:path');

const DIST_DIR = join('dist', 'js');
const STAMP_FILE = 'stamp.json';

// node:crypto is loaded only when a source must be hashed: importing it costs about a tenth of
// the CLI's start-up (it pulls in the streams), and a fresh build is checked by stat alone.
const sha1 = (file) => require('node:crypto').createHash('sha1').update(readFileSync(file)).digest('hex');

/**
 * Writes the stamp (atomically) after a build: {source: [size, mtimeMs, sha1]} of every source
 * the build read (`sources`, relative to `root`, '/'-separated).
 */
function writeStamp(root, sources) {
  const files = {};
  for (const src of sources) {
    const st = statSync(join(root, src));
    files[src] = [st.size, st.mtimeMs, sha1(join(root, src))];
  }
  saveStamp(root, files);
  return Object.keys(files).length;
}

/** Writes {files} as the stamp: a temporary name of this process's, renamed over the old one. */
function saveStamp(root, files) {
  const file = join(root, DIST_DIR, STAMP_FILE);
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify({ files }) + '\n');
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/**
 * Whether dist/js under `root` exists and every source it was built from is unchanged. When
 * sources had to be hashed (their mtime moved: a fresh checkout, an installed package, whose
 * files npm extracts with the time of the install) and all still match, the stamp is updated
 * to their mtimes, so that the next start is one stat per file again; where the folder cannot
 * be written (a read-only install) it stays as it was, and every start hashes.
 */
function distIsFresh(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, DIST_DIR, STAMP_FILE), 'utf8'));
  } catch {
    return false; // never built, or the build did not finish
  }
  const files = Object.entries(stamp.files ?? {});
  if (files.length === 0) return false;
  // One stat per source, without path normalisation (the recorded paths are relative, '/'-separated).
  const base = root.endsWith(sep) ? root : root + sep;
  let moved = false;
  for (const entry of files) {
    const [src, [size, mtimeMs, hash]] = entry;
    const file = base + src;
    const st = statSync(file, { throwIfNoEntry: false });
    if (st === undefined || st.size !== size) return false;
    if (st.mtimeMs !== mtimeMs) {
      if (sha1(file) !== hash) return false;
      entry[1] = [size, st.mtimeMs, hash];
      moved = true;
    }
  }
  if (moved) {
    try {
      saveStamp(root, Object.fromEntries(files));
    } catch {} // read-only: correct as it is, only slower
  }
  return true;
}

module.exports = { DIST_DIR, STAMP_FILE, writeStamp, distIsFresh };
