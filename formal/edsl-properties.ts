// Proof obligations of eDSL properties (m.assert/m.assume/m.cover): the design's Verilog is
// read by Yosys with `-formal` (which defines FORMAL, so the emitted immediate assertions
// become $assert/$assume/$cover cells). Assertions are proved by temporal induction from
// reset (step 1 forces `rst`, as the other proofs here), from the cycle after reset; each cover is searched as a bounded
// trace by proving its negation (a failed proof is the witness). Counterexamples and witnesses
// come back as per-step tables of the top's ports.
import { emitDesign } from '../gen/verilog/index.js';
import type { IRDesign, IRModule } from '../hdl/ir/types.js';
import { type CexValue, waveSteps } from './cex.js';
import { yosys, YosysError } from './yosys.js';

export interface EdslProofResult {
  readonly verdict: 'proven' | 'failed' | 'inconclusive';
  /** For a failed proof: the ports per step (step 1 is the reset step). */
  readonly trace?: readonly Readonly<Record<string, CexValue>>[];
}

export interface CoverResult {
  readonly message: string;
  readonly reachable: boolean;
  /** Steps of the witness (step 1 is the reset step). */
  readonly trace?: readonly Readonly<Record<string, CexValue>>[];
}

function hasPort(m: IRModule, name: string): boolean {
  return m.signals.some((s) => s.kind === 'input' && s.name === name);
}

async function sat(design: IRDesign, mode: 'prove' | 'bmc', steps: number): Promise<EdslProofResult> {
  const files = emitDesign(design);
  const top = design.modules.find((m) => m.name === design.top)!;
  const clocked = hasPort(top, 'clk');
  const reset = hasPort(top, 'rst') ? '-set-at 1 rst 1 ' : '';
  const show = '-show-inputs -show-outputs -dump_json cex.json';
  // Yosys samples a clocked check at the edge and judges it one step later (async2sync puts
  // the check's inputs in a flip-flop): steps 1 (reset forced) and 2 (judging step 1, whose
  // state is arbitrary) are not checked, so the first judged cycle is the one after reset.
  const how = !clocked
    ? ''
    : mode === 'prove'
      ? `-tempinduct -maxsteps ${steps} -seq 2 ${reset}`
      : `-seq ${steps} -prove-skip 2 ${reset}`;
  const script = [
    `read_verilog -formal ${Object.keys(files).join(' ')}`,
    `hierarchy -check -top ${design.top}`,
    'proc',
    'async2sync',
    'chformal -lower', // immediate assertions come in as $check cells; sat takes $assert/$assume/$cover
    'flatten',
    'memory',
    'opt_clean',
    `sat -verify -prove-asserts -set-assumes ${how}${show} ${design.top}`,
  ].join('\n');
  try {
    await yosys(script, files);
    return { verdict: 'proven' };
  } catch (e) {
    if (!(e instanceof YosysError) || !e.errors.some((m) => m.includes('proof did fail'))) throw e;
    if (mode === 'prove' && clocked && !/model found for base case: FAIL/.test(e.log))
      return { verdict: 'inconclusive' };
    const trace = waveSteps(e.files['cex.json']!, clocked).map((m) => Object.fromEntries(m));
    return { verdict: 'failed', trace };
  }
}

/** Proves every assertion of the design (assumptions constrain the inputs; covers are ignored). */
export function proveAsserts(design: IRDesign, opts: { maxSteps?: number } = {}): Promise<EdslProofResult> {
  const only = mapProps(design, (p) => (p.kind === 'cover' ? [] : [p]));
  return sat(only, 'prove', opts.maxSteps ?? 8);
}

/** Searches a trace of at most `steps` steps (reset step included) that reaches each cover. */
export async function checkCovers(design: IRDesign, opts: { steps?: number } = {}): Promise<CoverResult[]> {
  const out: CoverResult[] = [];
  const covers = design.modules.flatMap((m) => (m.properties ?? []).filter((p) => p.kind === 'cover'));
  for (const goal of covers) {
    // Only this cover, as "never reached" (and the assumptions): a failed bounded proof is a witness.
    const negated = mapProps(design, (p, m) => {
      if (p === goal) {
        const not = m.exprs.length;
        m.exprs.push({ op: 'not', width: 1, a: p.cond, loc: p.loc });
        return [{ ...p, kind: 'assert' as const, cond: not }];
      }
      return p.kind === 'assume' ? [p] : [];
    });
    const r = await sat(negated, 'bmc', opts.steps ?? 8);
    out.push({ message: goal.message, reachable: r.verdict === 'failed', ...(r.trace ? { trace: r.trace } : {}) });
  }
  return out;
}

type Prop = NonNullable<IRModule['properties']>[number];

/** A copy of the design with each module's properties replaced by `f`'s result. */
export function mapProps(design: IRDesign, f: (p: Prop, m: IRModule) => Prop[]): IRDesign {
  return {
    top: design.top,
    modules: design.modules.map((m) => {
      const copy: IRModule = { ...m, exprs: [...m.exprs] };
      const props = (m.properties ?? []).flatMap((p) => f(p, copy));
      const { properties: _drop, ...rest } = copy;
      return props.length ? { ...rest, properties: props } : rest;
    }),
  };
}
