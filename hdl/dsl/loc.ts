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
 * The location of an expression node until a statement or declaration consumes it. By
 * default (LocationMode 'statement') an expression takes the location of the first
 * statement (assignment, connection, when arm, switch case, instance input, property,
 * memory port) or declaration that uses it, directly or through other expressions; one that
 * nothing uses takes its module's. A literal (`m.lit`, `lit`, `m.enumValue`) does so in every
 * mode. A problem found while building an expression (a width mismatch, a constant that
 * does not fit, a slice out of range) still names the expression's own line: the stack is
 * captured then, when it costs nothing against the error.
 */
export const DEFERRED: Loc = Object.freeze({ file: '<deferred>', line: 0, col: 0 });

/**
 * Which IR nodes capture the user's source line (a capture costs 1–2 µs of CPU, more than
 * building the node, so a generator loop of N expressions pays it N times):
 * * 'statement' (the default): declarations and statements capture; an expression is located
 *   by the statement that consumes it (DEFERRED). The Verilog's `// file:line` comments and
 *   every diagnostic of the check passes are unchanged for statements and signals; a shared
 *   temporary names the line of its first consumer, and the IR dump prints that line for every
 *   expression of a statement.
 * * 'expression': every expression node captures its own line too (precise, slower; for
 *   debugging an expression in the IR dump or a temporary's comment). `VTI_LOCATIONS=expression`.
 * * 'off': nothing is captured (every location is `<unknown>`).
 */
export type LocationMode = 'statement' | 'expression' | 'off';
export const LOCATION_MODES = ['statement', 'expression', 'off'] as const satisfies readonly LocationMode[];

/** Unset until the first module is defined or a mode is set: then `VTI_LOCATIONS` or 'statement'. */
let mode: LocationMode | undefined;
let enabled = true;
let perExpression = false;

/**
 * The mode in force, read from `VTI_LOCATIONS` the first time (called when a module is
 * defined, so a bad value is reported as a one-line error of the eDSL, not at import).
 */
export function locationMode(): LocationMode {
  if (mode === undefined) {
    const v = process.env.VTI_LOCATIONS;
    if (v !== undefined && v !== '' && !(LOCATION_MODES as readonly string[]).includes(v))
      // userFacing: the command line prints it as one line (exit 2), not as an internal error.
      throw Object.assign(new Error(`VTI_LOCATIONS must be one of ${LOCATION_MODES.join(', ')}; got '${v}'`), {
        userFacing: true,
        exitCode: 2,
      });
    setLocationMode((v || 'statement') as LocationMode);
  }
  return mode!;
}

/** Sets which nodes capture source locations (see LocationMode). */
export function setLocationMode(m: LocationMode): void {
  if (!(LOCATION_MODES as readonly string[]).includes(m))
    throw new Error(`location mode must be one of ${LOCATION_MODES.join(', ')}; got '${String(m)}'`);
  mode = m;
  enabled = m !== 'off';
  perExpression = m === 'expression';
}

/** Off: no captures at all (huge generated designs); on: the default mode (`VTI_LOCATIONS` or 'statement'). */
export function setLocationCapture(on: boolean): void {
  if (on) {
    mode = undefined;
    locationMode();
  } else setLocationMode('off');
}

/**
 * The location of a new expression node: DEFERRED (located by its consumer) unless the mode
 * is 'expression'.
 */
export function exprLoc(): Loc {
  return perExpression ? locBelow(exprLoc) : DEFERRED;
}

/**
 * The location of an expression that a check pass will report (a width mismatch): its own
 * line, captured now when expression locations are deferred. The capture is paid only for the
 * faulty expression.
 */
export function locatedProblem(loc: Loc): Loc {
  return loc === DEFERRED ? locBelow(locatedProblem) : loc;
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

/** The eDSL function whose caller's frames a capture starts from. */
type CaptureBoundary = (...args: never[]) => unknown;

/** The call sites from `below`'s caller outwards, at most `limit` of them. */
function callSites(limit: number, below: CaptureBoundary): NodeJS.CallSite[] {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  // Restored even when capturing throws (a stack overflow deep in a design): left replaced,
  // every later error's stack would be an array of CallSites.
  try {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = passFrames;
    Error.captureStackTrace(holder, below);
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
  return locBelow(callerLoc);
}

function locBelow(below: CaptureBoundary): Loc {
  if (!enabled) return UNKNOWN;
  const near = callSites(NEAR_FRAMES, below);
  return (
    firstOutside(near) ??
    (near.length < NEAR_FRAMES ? UNKNOWN : (firstOutside(callSites(DEEP_FRAMES, below)) ?? UNKNOWN))
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
