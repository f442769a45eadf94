// runProperties: P1-P6 of docs/properties.md on the generated vti_core (or a broken variant of
// it): a proof by temporal induction from reset per property, a non-vacuity cover per property,
// and for a failed proof the counterexample as a per-cycle table and a VCD in `vcdDir` (default out/formal/).
import { makeDir, writeFileAtomic } from '../../cache/atomic-write.js';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';
import { PROP_NAMES, PROPERTIES, type PropName, type PropertyDef } from './properties.js';
import { checkerDesign, checkerFiles, coverProperty, elaborate, proveProperty } from './sat.js';
import { formatTrace, traceToVcd, type TraceStep } from './trace.js';
import type { PropertyMutant } from './property-mutants.js';

export { PROP_NAMES, PROPERTIES, type PropName, type PropertyDef } from './properties.js';
export { PROPERTY_MUTANTS, mutantFor, type PropertyMutant } from './property-mutants.js';
export { traceValue, type TraceStep } from './trace.js';

export interface RunOptions {
  /** Generator options of the core (defaults: DEFAULT_CONFIG). */
  readonly gen?: Partial<VtiConfig>;
  /** Which properties (default all six). */
  readonly properties?: readonly PropName[];
  /** Search a non-vacuity cover per property (default true). */
  readonly cover?: boolean;
  /** Check a deliberately broken variant of the core instead of the generated one. */
  readonly variant?: PropertyMutant;
  /** Longest induction tried (default 4; every property closes at 1 on the generated core). */
  readonly maxSteps?: number;
  /** Longest cover trace searched, reset step included (default 6). */
  readonly coverSteps?: number;
  /** Directory for counterexample VCDs (default out/formal under the current working directory). */
  readonly vcdDir?: string;
}

export interface PropertyResult {
  readonly name: PropName;
  readonly title: string;
  readonly verdict: 'proven' | 'failed' | 'inconclusive';
  readonly method: string;
  /** Proof time (cover time is in cover.ms). */
  readonly ms: number;
  readonly cover?: {
    readonly reachable: boolean;
    readonly table: string;
    readonly ms: number;
    readonly steps?: readonly TraceStep[];
  };
  readonly counterexample?: {
    readonly table: string;
    readonly vcdPath: string;
    /** SAT steps from reset; the last one has ok = 0 (it judges the event of the step before). */
    readonly steps: readonly TraceStep[];
  };
}

export async function runProperties(opts: RunOptions = {}): Promise<PropertyResult[]> {
  const gen: VtiConfig = { ...DEFAULT_CONFIG, ...opts.gen };
  const il = await elaborate(checkerFiles(checkerDesign(gen, opts.variant?.faults)));
  const tag = opts.variant ? opts.variant.name : `core${gen.vmImplemented ? '' : '-novt'}`;
  const out: PropertyResult[] = [];
  for (const name of opts.properties ?? PROP_NAMES) {
    const p = PROPERTIES[name];
    const proof = await proveProperty(il, p, opts.maxSteps ?? 4);
    let counterexample: PropertyResult['counterexample'];
    if (proof.verdict === 'failed' && proof.steps) {
      const vcdPath = join(opts.vcdDir ?? resolve('out', 'formal'), `props-${name}-${tag}.vcd`);
      makeDir(dirname(vcdPath));
      writeFileAtomic(vcdPath, traceToVcd(proof.steps, 'vti_props'));
      const last = proof.steps[proof.steps.length - 1]!.step;
      counterexample = {
        table: traceTable(p, proof.steps, { step: last, text: `<-- ${p.ok} = 0` }),
        vcdPath,
        steps: proof.steps,
      };
    }
    let cover: PropertyResult['cover'];
    if (opts.cover ?? true) {
      const c = await coverProperty(il, p, opts.coverSteps ?? 6);
      cover = {
        reachable: c.reachable,
        ms: c.ms,
        table: c.steps
          ? traceTable(p, c.steps, { step: c.steps[c.steps.length - 1]!.step, text: `<-- ${p.cover}` })
          : '(not reachable)',
        ...(c.steps ? { steps: c.steps } : {}),
      };
    }
    out.push({
      name,
      title: p.title,
      verdict: proof.verdict,
      method: proof.method,
      ms: proof.ms,
      ...(cover ? { cover } : {}),
      ...(counterexample ? { counterexample } : {}),
    });
  }
  return out;
}

function traceTable(p: PropertyDef, steps: readonly TraceStep[], mark: { step: number; text: string }): string {
  return formatTrace(steps, p.inputs, [...p.observe, p.ok, p.cover], mark);
}

/** One line per result: "P1 proven 2.1 s (temporal induction ...) cover reachable in 4 cycles". */
export function formatResults(rs: readonly PropertyResult[]): string {
  return rs
    .map((r) => {
      const cov = r.cover
        ? r.cover.reachable
          ? `cover reachable (${(r.cover.steps?.length ?? 1) - 1} cycles, ${(r.cover.ms / 1000).toFixed(1)} s)`
          : 'cover NOT reachable'
        : '';
      return `${r.name} ${r.verdict.padEnd(12)} ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${r.method}  ${cov}`;
    })
    .join('\n');
}
