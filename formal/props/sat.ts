// Running the checker through Yosys `sat`: elaborate vti_props once per design, then per
// property (1) cut the netlist down to the cone of influence of that property's outputs, (2)
// prove `ok` by temporal induction from reset, or (3) search the shortest trace from reset to
// the property's cover.
import { createHash } from 'node:crypto';
import { inductionLength, yosys, YosysError } from '../yosys.js';
import type { PortSpec } from '../../gen/verilog/index.js';
import { checkerVerilog } from './checker.js';
import type { VtiConfig } from '../../arch/config.js';
import { factsVerilog } from './facts.js';
import type { PropertyDef } from './properties.js';
import { parseTrace, type TraceStep } from './trace.js';

export const TOP = 'vti_props';

/** The core's Verilog (all five modules) plus the spec facts and the checker. */
export function checkerFiles(
  core: { files: Readonly<Record<string, string>>; ports: readonly PortSpec[] },
  o: VtiConfig,
): Record<string, string> {
  return {
    ...core.files,
    'vti_spec_facts.v': factsVerilog(o),
    'vti_props.v': checkerVerilog(core.ports, o.vmImplemented),
  };
}

const elaborated = new Map<string, string>();

/** Flattened RTLIL of vti_props (cached by file contents: one elaboration per design). */
export async function elaborate(files: Readonly<Record<string, string>>): Promise<string> {
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
      `read_verilog ${names.join(' ')}`,
      `hierarchy -check -top ${TOP}`,
      'proc',
      'flatten',
      'memory',
      'opt_clean',
      'write_rtlil props.il',
    ].join('\n'),
    files,
  );
  const il = r.files['props.il']!;
  elaborated.set(key, il);
  return il;
}

/**
 * Cone of influence: every output except `keep` loses its port attribute and the logic that
 * only fed those outputs is removed (`opt_clean -purge`, then `opt -fast`). Sound: the removed
 * cells cannot influence the kept outputs, so the property means the same on the reduced net.
 */
function coneScript(keep: readonly string[]): string {
  return [
    'read_rtlil props.il',
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
  /** From reset to the first step whose `ok` is 0 (failed only). */
  readonly steps?: readonly TraceStep[];
  readonly log: string;
}

const proofFailed = (e: unknown): e is YosysError =>
  e instanceof YosysError && e.errors.some((m) => m.includes('proof did fail'));

/**
 * `sat -tempinduct -prove ok 1 -seq 1 -set-at 1 rst 1`: step 1 forces reset and is not
 * checked; register values before it are free; rst is free in every later step. A base-case
 * failure is a trace from reset (failed); an induction that does not close in maxSteps is
 * inconclusive.
 */
export async function proveProperty(il: string, p: PropertyDef, maxSteps = 4): Promise<ProofOutcome> {
  const method = `temporal induction from reset (k <= ${maxSteps}), cone of ${p.ok}`;
  const script = [
    coneScript([p.ok, p.cover, ...p.observe]),
    `sat -tempinduct -prove ${p.ok} 1 -seq 1 -set-at 1 rst 1 -maxsteps ${maxSteps} -verify ${SHOW} ${TOP}`,
  ].join('\n');
  const t0 = performance.now();
  try {
    const r = await yosys(script, { 'props.il': il });
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
 * Bounded search for the cover: `sat -tempinduct-baseonly -prove cov 0` finds the shortest
 * trace (up to maxSteps) that makes it 1. The environment is kept quiet so the trace reads as a
 * program: reset only in step 1, no environment-reported faults, no external interrupt.
 */
export async function coverProperty(il: string, p: PropertyDef, maxSteps = 6): Promise<CoverOutcome> {
  const script = [
    coneScript([p.ok, p.cover, ...p.observe]),
    `sat -tempinduct-baseonly -prove ${p.cover} 0 -seq 1 -set rst 0 -set-at 1 rst 1 -set env_pending 0 -set ext_int 0 ` +
      `-maxsteps ${maxSteps} -verify ${SHOW} ${TOP}`,
  ].join('\n');
  const t0 = performance.now();
  try {
    await yosys(script, { 'props.il': il });
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
export async function coneStats(il: string, p?: PropertyDef): Promise<ConeStats> {
  const script = p ? `${coneScript([p.ok, p.cover, ...p.observe])}\nstat -width` : 'read_rtlil props.il\nstat -width';
  return statOf((await yosys(script, { 'props.il': il })).stdout);
}
