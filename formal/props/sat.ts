// Proving the checker's eDSL properties with Yosys `sat`. The checker design (checker.ts
// around vti_core, possibly with faults injected) is lowered the way every eDSL property is:
// emitted Verilog read with `-formal` (immediate assertions under `ifdef FORMAL` become
// $assert cells; each cover becomes an assertion of its negation, whose failure is the
// witness, as in formal/edsl-properties.ts). It is elaborated once per design; then per
// property (1) every other assertion and every output the trace does not show is removed and
// the netlist is cut to the cone of influence, (2) the assertion is proved by temporal
// induction from reset, or (3) the cover's negation is searched for the shortest failing trace.
import { createHash } from 'node:crypto';
import type { VtiConfig } from '../../arch/config.js';
import { emitDesign } from '../../gen/verilog/index.js';
import { elaborate as elaborateDesign, type Fault, withFaults } from '../../hdl/dsl/index.js';
import type { IRDesign } from '../../hdl/ir/types.js';
import { vtiCore } from '../../hdl/vti/core.js';
import { mapProps } from '../edsl-properties.js';
import { inductionLength, yosys, YosysError } from '../yosys.js';
import { assertMessage, coverMessage, propsChecker, TOP } from './checker.js';
import { PROP_NAMES, type PropName, type PropertyDef } from './properties.js';
import { parseTrace, type TraceStep } from './trace.js';

export { TOP };

/** The checker around vti_core for configuration `o`, with `faults` injected into the core. */
export function checkerDesign(o: VtiConfig, faults: readonly Fault[] = []): IRDesign {
  return withFaults(faults, () => elaborateDesign(propsChecker(vtiCore(o), o)).design);
}

const COVER_NEGATION = 'never: ';

/**
 * The design's Verilog for the proof: each cover turned into the assertion that it is never
 * reached, and every obligation stated over the current cycle's values (`always @*`) rather
 * than sampled at the clock edge. The two mean the same in sat's time steps (a step's values
 * are the ones the edge samples), but the sampled form adds a flip-flop per obligation, so its
 * induction needs one step more and its traces end a step after the deciding cycle.
 */
export function checkerFiles(design: IRDesign): Record<string, string> {
  const proof = mapProps(design, (p, m) => {
    if (p.kind !== 'cover') return [{ ...p, clock: null }];
    const not = m.exprs.length;
    m.exprs.push({ op: 'not', width: 1, a: p.cond, loc: p.loc });
    return [{ ...p, kind: 'assert' as const, cond: not, message: COVER_NEGATION + p.message, clock: null }];
  });
  return emitDesign(proof);
}

/** The checker as Yosys holds it: flattened RTLIL, and the source line of each obligation. */
export interface ElaboratedChecker {
  readonly il: string;
  /** Line in vti_props.v of each property's assertion and of its cover's negation. */
  readonly lines: Readonly<Record<PropName, { readonly assert: number; readonly cover: number }>>;
}

function obligationLines(text: string): ElaboratedChecker['lines'] {
  const lines = text.split('\n');
  const find = (prefix: string): number => {
    const i = lines.findIndex((l) => /\bassert \(/.test(l) && l.includes(`// ${prefix}`));
    if (i < 0) throw new Error(`${TOP}.v has no assertion '${prefix}…'`);
    return i + 1;
  };
  return Object.fromEntries(
    PROP_NAMES.map((n) => [
      n,
      { assert: find(assertMessage(n, '')), cover: find(COVER_NEGATION + coverMessage(n, '')) },
    ]),
  ) as ElaboratedChecker['lines'];
}

const elaborated = new Map<string, ElaboratedChecker>();

/** Flattened RTLIL of vti_props (cached by file contents: one elaboration per design). */
export async function elaborate(files: Readonly<Record<string, string>>): Promise<ElaboratedChecker> {
  const key = createHash('sha256')
    .update(JSON.stringify(Object.entries(files).sort()))
    .digest('hex');
  const hit = elaborated.get(key);
  if (hit) return hit;
  const names = Object.keys(files)
    .filter((n) => n.endsWith('.v'))
    .sort();
  const r = await yosys(
    [
      `read_verilog -formal ${names.join(' ')}`,
      `hierarchy -check -top ${TOP}`,
      'proc',
      'async2sync',
      'chformal -lower', // immediate assertions come in as $check cells; sat takes $assert
      'flatten',
      'memory',
      'opt_clean',
      'write_rtlil props.il',
    ].join('\n'),
    files,
  );
  const c = { il: r.files['props.il']!, lines: obligationLines(files[`${TOP}.v`]!) };
  elaborated.set(key, c);
  return c;
}

/**
 * Only the obligation at `line` of vti_props.v stays, and only the outputs `keep`; the logic
 * that fed nothing else is removed (`opt_clean -purge`, then `opt -fast`). Sound: the removed
 * cells cannot influence the kept assertion, so it means the same on the reduced net.
 */
function coneScript(line: number, keep: readonly string[]): string {
  return [
    'read_rtlil props.il',
    `select -set obligation ${TOP}/t:$assert ${TOP}/a:src=${TOP}.v:${line}.* %i`,
    `delete ${TOP}/t:$assert @obligation %d`,
    `select -set keep ${keep.map((n) => `${TOP}/w:${n}`).join(' ')}`,
    `delete -output ${TOP}/o:* @keep %d`,
    'opt_clean -purge',
    'opt -fast',
  ].join('\n');
}

const SHOW = '-show-inputs -show-outputs -dump_json trace.json';

export interface ProofOutcome {
  readonly verdict: 'proven' | 'failed' | 'inconclusive';
  readonly method: string;
  readonly ms: number;
  /** From reset to the step whose `ok` is 0 (failed only). */
  readonly steps?: readonly TraceStep[];
  readonly log: string;
}

const proofFailed = (e: unknown): e is YosysError =>
  e instanceof YosysError && e.errors.some((m) => m.includes('proof did fail'));

/**
 * `sat -tempinduct -prove-asserts -seq 1 -set-at 1 rst 1`: step 1 forces reset and is not
 * judged (its registers were free); rst is free afterwards. A
 * base-case failure is a trace from reset (failed); an induction that does not close in
 * maxSteps is inconclusive.
 */
export async function proveProperty(c: ElaboratedChecker, p: PropertyDef, maxSteps = 4): Promise<ProofOutcome> {
  const method = `temporal induction from reset (k <= ${maxSteps}), cone of ${p.ok}`;
  const script = [
    coneScript(c.lines[p.name].assert, [p.ok, p.cover, ...p.observe]),
    `sat -tempinduct -prove-asserts -seq 1 -set-at 1 rst 1 -maxsteps ${maxSteps} -verify ${SHOW} ${TOP}`,
  ].join('\n');
  const t0 = performance.now();
  try {
    const r = await yosys(script, { 'props.il': c.il });
    const k = inductionLength(r.stdout);
    return {
      verdict: 'proven',
      method: method.replace(/k <= \d+/, `k = ${k}`),
      ms: performance.now() - t0,
      log: r.stdout,
    };
  } catch (e) {
    if (!proofFailed(e)) throw e;
    const ms = performance.now() - t0;
    if (!/model found for base case: FAIL/.test(e.log)) return { verdict: 'inconclusive', method, ms, log: e.log };
    const json = e.files['trace.json'];
    if (!json) throw new Error(`sat reported a failing base case but wrote no trace\n${e.logTail}`);
    return { verdict: 'failed', method, ms, steps: parseTrace(json), log: e.log };
  }
}

export interface CoverOutcome {
  readonly reachable: boolean;
  readonly ms: number;
  /** Shortest trace from reset whose last step has the cover output 1. */
  readonly steps?: readonly TraceStep[];
}

/**
 * Bounded search for the cover: `sat -tempinduct-baseonly` on the assertion that it is never
 * reached finds the shortest trace (up to maxSteps cycles) that reaches it. The environment is
 * kept quiet so the trace reads as a program: reset only in step 1, no environment-reported
 * faults, no external interrupt.
 */
export async function coverProperty(c: ElaboratedChecker, p: PropertyDef, maxSteps = 6): Promise<CoverOutcome> {
  const script = [
    coneScript(c.lines[p.name].cover, [p.ok, p.cover, ...p.observe]),
    `sat -tempinduct-baseonly -prove-asserts -seq 1 -set rst 0 -set-at 1 rst 1 -set env_pending 0 -set ext_int 0 ` +
      `-maxsteps ${maxSteps} -verify ${SHOW} ${TOP}`,
  ].join('\n');
  const t0 = performance.now();
  try {
    await yosys(script, { 'props.il': c.il });
    return { reachable: false, ms: performance.now() - t0 };
  } catch (e) {
    if (!proofFailed(e)) throw e;
    const json = e.files['trace.json'];
    if (!json) throw new Error(`sat found the cover but wrote no trace\n${e.logTail}`);
    return { reachable: true, ms: performance.now() - t0, steps: parseTrace(json) };
  }
}

export interface ConeStats {
  readonly cells: number;
  readonly ffBits: number;
}

const statOf = (log: string): ConeStats => {
  const last = log.slice(log.lastIndexOf('Number of cells:'));
  const cells = Number(/Number of cells:\s+(\d+)/.exec(last)?.[1] ?? NaN);
  let ffBits = 0;
  for (const m of last.matchAll(/^\s+\$\w*dff\w*_(\d+)\s+(\d+)\s*$/gm)) ffBits += Number(m[1]) * Number(m[2]);
  return { cells, ffBits };
};

/** Size of the whole checker and of one property's cone (cells, flip-flop bits). */
export async function coneStats(c: ElaboratedChecker, p?: PropertyDef): Promise<ConeStats> {
  const script = p
    ? `${coneScript(c.lines[p.name].assert, [p.ok, p.cover, ...p.observe])}\nstat -width`
    : 'read_rtlil props.il\nstat -width';
  return statOf((await yosys(script, { 'props.il': c.il })).stdout);
}
