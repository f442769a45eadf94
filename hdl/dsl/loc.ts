// Source locations: the user's file:line:col for every IR node, taken from the call stack.
// Frames inside the eDSL itself (hdl/dsl) are skipped, so a location names the line of the
// user's block description that created the node, as Chisel's source locators do.
import { createRequire, findSourceMap, type SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';
import type { Loc } from '../ir/types.js';

const coreDir = dirname(fileURLToPath(import.meta.url));
// The package's own folder, found by name (Node resolves a package's own name through its "exports").
const projectRoot = dirname(createRequire(import.meta.url).resolve('vti-hdl/package.json'));
const UNKNOWN: Loc = Object.freeze({ file: '<unknown>', line: 0, col: 0 });

/**
 * The location of a literal (`m.lit`, `lit`, `m.enumValue`) until something uses it: a literal
 * takes the location of the first operation or statement that uses it (one that no one uses,
 * that of its module; a switch case value, that of its case). A literal is nearly always
 * written inside the expression that uses it (`mux(pending.bit(i), m.lit(i, w), …)`), so it
 * names the same line, and a generator loop pays one stack capture fewer per literal (a
 * capture costs 1–2 µs, more than building the node). Only the IR dump prints a literal's
 * location (the Verilog writes literals inline, never as a commented temporary), and a
 * literal that does not fit its width is still reported at the line that made it: the stack
 * is captured for the problem.
 */
export const DEFERRED: Loc = Object.freeze({ file: '<deferred>', line: 0, col: 0 });

let enabled = true;
/** Location capture costs ~2 µs per node; huge generated designs may switch it off. */
export function setLocationCapture(on: boolean): void {
  enabled = on;
}

const cache = new Map<string, string>();
function displayPath(file: string): string {
  let d = cache.get(file);
  if (d === undefined) {
    const path = file.startsWith('file://') ? fileURLToPath(file) : file;
    const rel = relative(projectRoot, path);
    d = rel.startsWith('..') ? path : rel.split(sep).join('/');
    cache.set(file, d);
  }
  return d;
}

// The library API's argument checks (bin/api.js) call the eDSL on the user's behalf.
const apiGuards = join(projectRoot, 'cli', 'api-guards.ts');
const internal = new Map<string, boolean>();
function isInternal(file: string): boolean {
  let r = internal.get(file);
  if (r === undefined) {
    const path = file.startsWith('file://') ? fileURLToPath(file) : file;
    // node_modules frames are library code, except this package's own files when it is
    // itself installed under node_modules (then projectRoot is inside it).
    r =
      path.startsWith(coreDir) ||
      path === apiGuards ||
      path.startsWith('node:') ||
      (path.includes(`${sep}node_modules${sep}`) && !path.startsWith(projectRoot + sep));
    internal.set(file, r);
  }
  return r;
}

const passFrames = (_e: Error, frames: NodeJS.CallSite[]) => frames;
const maps = new Map<string, SourceMap | null>();
function sourceMapOf(file: string): SourceMap | null {
  let m = maps.get(file);
  if (m === undefined) {
    const path = file.startsWith('file://') ? fileURLToPath(file) : file;
    m = findSourceMap(path) ?? findSourceMap(file) ?? null;
    maps.set(file, m);
  }
  return m;
}

/**
 * Frames taken on the first try. V8's cost grows with each frame it collects (about 0.5 µs
 * each, above a fixed ~1 µs of CPU), and a node is almost always made one to three eDSL frames below
 * the user's line (`a.add(b)`: the method; `a.bit(i)`: bit → bits); a deeper eDSL call takes
 * the second try, with DEEP_FRAMES.
 */
const NEAR_FRAMES = 3;
const DEEP_FRAMES = 8;

/**
 * One object receives every capture: V8 defines its `stack` on the first capture and only
 * replaces the frames on later ones (a fresh object per capture costs a third more).
 */
const holder: { stack?: NodeJS.CallSite[] } = {};

/** The call sites from `callerLoc`'s caller outwards, at most `limit` of them. */
function callSites(limit: number): NodeJS.CallSite[] {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  // Restored even when capturing throws (a stack overflow deep in a design): left replaced,
  // every later error's stack would be an array of CallSites.
  try {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = passFrames;
    Error.captureStackTrace(holder, callerLoc);
    return holder.stack ?? [];
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
}

/**
 * The first stack frame outside hdl/dsl. Fast path: structured call sites mapped through
 * the loader's source map (tsx, compiled JS). When a transpiled TypeScript file has no map
 * registered (vitest's module runner), fall back to the runtime's source-mapped stack text.
 */
export function callerLoc(): Loc {
  if (!enabled) return UNKNOWN;
  const near = callSites(NEAR_FRAMES);
  return (
    firstOutside(near) ?? (near.length < NEAR_FRAMES ? UNKNOWN : (firstOutside(callSites(DEEP_FRAMES)) ?? UNKNOWN))
  );
}

/** Per file, per generated position (line × 2^20 + column): its mapped source location. */
const mappedByFile = new Map<string, Map<number, Loc>>();

function firstOutside(frames: readonly NodeJS.CallSite[]): Loc | undefined {
  for (const f of frames) {
    const file = f.getFileName();
    if (!file || isInternal(file)) continue;
    const line = f.getLineNumber() ?? 0;
    const col = f.getColumnNumber() ?? 0;
    if (!file.endsWith('.ts')) return { file: displayPath(file), line, col };
    // A generated-code position always maps to the same source position: map it once (the
    // stack-text fallback costs far more than capturing the frames; a generator loop creates
    // thousands of nodes from one line).
    let byPos = mappedByFile.get(file);
    if (!byPos) mappedByFile.set(file, (byPos = new Map()));
    const key = line * 2 ** 20 + col;
    let loc = byPos.get(key);
    if (!loc) byPos.set(key, (loc = Object.freeze(mapFrame(file, line, col))));
    return loc;
  }
  return undefined;
}

function mapFrame(file: string, line: number, col: number): Loc {
  const map = sourceMapOf(file);
  if (map) {
    const e = map.findEntry(line - 1, col - 1) as {
      originalSource?: string;
      originalLine?: number;
      originalColumn?: number;
    };
    if (e && e.originalLine !== undefined)
      return {
        file: displayPath(e.originalSource ?? file),
        line: e.originalLine + 1,
        col: (e.originalColumn ?? 0) + 1,
      };
  }
  return fromStackText();
}

const FRAME = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;
function fromStackText(): Loc {
  const savedLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 16;
  const text = new Error().stack ?? '';
  Error.stackTraceLimit = savedLimit;
  for (const raw of text.split('\n').slice(1)) {
    const m = FRAME.exec(raw.trim());
    if (!m || isInternal(m[1]!)) continue;
    return { file: displayPath(m[1]!), line: Number(m[2]), col: Number(m[3]) };
  }
  return UNKNOWN;
}
