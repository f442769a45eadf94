// Equivalence checks through Yosys `miter` + `sat`.
// Combinational: `miter -equiv -flatten -make_outputs -make_assert` and `sat -verify -prove-asserts`.
// Sequential: the same miter (a product machine of the two designs) proved by temporal induction
// from reset: step 1 forces `rst` = 1 and is not compared (`-seq 1`), the initial register
// values are free, and `-tempinduct` proves "outputs equal at every later step" by k-induction
// (k up to maxSteps). So two designs that encode their state differently but agree after reset
// are equivalent; one that fails to reset a register is not.
import { makeDir, writeFileAtomic } from '../cache/atomic-write.js';
import { dirname, resolve } from 'node:path';
import { yosys, YosysError } from './yosys.js';
import { type DesignRef, designPorts, loadScript, placeFiles } from './design.js';
import { type CexStep, cexToVcd, formatCex, parseWaveJson } from './cex.js';

export type { DesignRef } from './design.js';

export interface EquivOptions {
  readonly gold: DesignRef;
  readonly gate: DesignRef;
  /** Designs with registers: prove by induction from reset. Default false. */
  readonly sequential?: boolean;
  /** Reset input forced to 1 in step 1 of a sequential proof; null = all registers start at 0. */
  readonly reset?: string | null;
  /** Longest induction tried (sequential). Default 8. */
  readonly maxSteps?: number;
  /** Where to write the counterexample VCD; default out/formal/cex-<gold>-vs-<gate>.vcd under the current working directory. */
  readonly vcdPath?: string;
  /** How to prepare the gate: as RTL (default) or through generic `synth`. */
  readonly gateAs?: 'rtl' | 'synth';
}

export interface EquivResult {
  /** true only when the proof succeeded. */
  readonly equivalent: boolean;
  /** 'inconclusive': no counterexample from reset, but induction did not close within maxSteps. */
  readonly verdict: 'equivalent' | 'different' | 'inconclusive';
  readonly method: string;
  readonly ms: number;
  /** Per-step inputs and gold/gate outputs, ending at the first differing step. */
  readonly counterexample?: readonly CexStep[];
  /** formatCex(counterexample). */
  readonly table?: string;
  readonly vcdPath?: string;
  /** The Yosys log of the proof. */
  readonly log: string;
}

const CEX = 'cex.json';

export async function proveEquivalent(o: EquivOptions): Promise<EquivResult> {
  const seq = o.sequential ?? false;
  const reset = o.reset === undefined ? 'rst' : o.reset;
  const maxSteps = o.maxSteps ?? 8;
  const files = { ...placeFiles(o.gold, 'gold'), ...placeFiles(o.gate, 'gate') };
  const show = `-show-inputs -show-outputs -dump_json ${CEX}`;
  const sat = seq
    ? reset
      ? `sat -verify -tempinduct -prove-asserts -seq 1 -set-at 1 in_${reset} 1 -maxsteps ${maxSteps} ${show} miter`
      : `sat -verify -tempinduct -prove-asserts -set-init-zero -maxsteps ${maxSteps} ${show} miter`
    : `sat -verify -prove-asserts ${show} miter`;
  const script = [
    loadScript(o.gold, 'gold', 'gold'),
    loadScript(o.gate, 'gate', 'gate', o.gateAs ?? 'rtl'),
    'design -copy-from gold -as gold gold',
    'design -copy-from gate -as gate gate',
    'miter -equiv -flatten -make_outputs -make_assert gold gate miter',
    'hierarchy -top miter',
    sat,
  ].join('\n');
  const method = seq ? `k-induction from reset (k <= ${maxSteps})` : 'combinational SAT miter';
  const t0 = performance.now();
  try {
    const r = await yosys(script, files);
    return { equivalent: true, verdict: 'equivalent', method, ms: performance.now() - t0, log: r.stdout };
  } catch (e) {
    // Only the final `sat -verify` failing means "not proven"; anything else is bad input.
    if (e instanceof YosysError && e.command.startsWith('miter ')) await throwPortMismatch(o.gold, o.gate, e);
    if (!(e instanceof YosysError) || !e.errors.some((m) => m.includes('proof did fail'))) throw e;
    const ms = performance.now() - t0;
    const baseFail = !seq || /model found for base case: FAIL/.test(e.log);
    if (!baseFail) return { equivalent: false, verdict: 'inconclusive', method, ms, log: e.log };
    const json = e.files[CEX];
    if (!json) throw new Error(`sat reported a failure but wrote no counterexample\n${e.logTail}`);
    const steps = parseWaveJson(json, seq, seq && reset ? 1 : 0);
    const vcdPath = o.vcdPath ?? resolve('out', 'formal', `cex-${o.gold.top}-vs-${o.gate.top}.vcd`);
    makeDir(dirname(vcdPath));
    writeFileAtomic(vcdPath, cexToVcd(steps, 'miter'));
    return {
      equivalent: false,
      verdict: 'different',
      method,
      ms,
      log: e.log,
      counterexample: steps,
      table: formatCex(steps),
      vcdPath,
    };
  }
}

/** Port lists as "dir [width]" by name. */
async function portsOf(d: DesignRef): Promise<Map<string, string>> {
  return new Map((await designPorts(d, yosys)).map((p) => [p.name, `${p.dir} [${p.width}]`]));
}

/** When `miter` rejects the pair, say exactly which ports differ. */
async function throwPortMismatch(gold: DesignRef, gate: DesignRef, cause: YosysError): Promise<never> {
  const [a, b] = [await portsOf(gold), await portsOf(gate)];
  const diffs: string[] = [];
  for (const [n, t] of a) {
    if (!b.has(n)) diffs.push(`${n} (${t}) only in ${gold.top}`);
    else if (b.get(n) !== t) diffs.push(`${n} is ${t} in ${gold.top} but ${b.get(n)} in ${gate.top}`);
  }
  for (const [n, t] of b) if (!a.has(n)) diffs.push(`${n} (${t}) only in ${gate.top}`);
  if (diffs.length === 0) throw cause;
  throw new Error(`cannot compare ${gold.top} with ${gate.top}: ports differ: ${diffs.join('; ')}`);
}

/** Generated RTL against its own generic `synth -flatten` netlist (catches synthesis-semantics traps). */
export function synthEquivalent(
  files: Readonly<Record<string, string>>,
  top: string,
  opts: { sequential?: boolean; params?: Readonly<Record<string, number | string>> } = {},
): Promise<EquivResult> {
  const d: DesignRef = { files, top, ...(opts.params ? { params: opts.params } : {}) };
  return proveEquivalent({ gold: d, gate: d, gateAs: 'synth', sequential: opts.sequential ?? false });
}
