// Properties in the built-in simulator: each assert/assume/cover of every module becomes a
// 1-bit wire (`__propN`, 1 = fine for assert/assume, 1 = hit for a cover) added to a copy of
// the design, so the compiled model computes it like any other signal; the simulator reads
// these wires before each rising edge and stops on a failed assertion with the cycle, the
// message and the TypeScript line that wrote it.
import { formatLoc } from '../../hdl/ir/loc.js';
import type { IRDesign, IRExpr, IRModule, IRProperty, Loc } from '../../hdl/ir/types.js';
import { SimError } from './flatten.js';

export interface PropertyProbe {
  /** Hierarchical name of the probe wire ('u.__prop0' inside instance u). */
  readonly wire: string;
  readonly kind: IRProperty['kind'];
  readonly message: string;
  readonly loc: Loc;
  /** Checked on the clock edge (false: a module without a clock, checked whenever settled). */
  readonly clocked: boolean;
}

/** A failed assertion (or an assumption the stimulus broke) during simulation. */
export class PropertyFailure extends SimError {
  constructor(
    readonly probe: PropertyProbe,
    readonly cycle: number,
    /** The engine that found it (the message's prefix). */
    readonly engine: 'jssim' | 'verilator' = 'jssim',
  ) {
    const what = probe.kind === 'assume' ? 'assumption violated' : 'assertion failed';
    const where = probe.wire.includes('.') ? ` in ${probe.wire.slice(0, probe.wire.lastIndexOf('.'))}` : '';
    super(`${what} at cycle ${cycle}: ${probe.message} (${formatLoc(probe.loc)})${where}`);
    if (engine !== 'jssim') this.message = this.message.replace(/^jssim: /, `${engine}: `);
    this.name = 'PropertyFailure';
  }
}

const PROBE = '__prop';

/**
 * The expression that is 1 while property `p` is fine (assert/assume: not enabled, or its
 * condition holds) or hit (cover: enabled and its condition holds); `add` appends an
 * expression to the module and returns its id. Shared by these probes and by
 * sim/property-outputs.ts, so both engines judge a property the same way.
 */
export function propertyOk(p: IRProperty, add: (e: IRExpr) => number): number {
  if (p.enable === null) return p.cond;
  if (p.kind === 'cover') return add({ op: 'and', width: 1, a: p.enable, b: p.cond, loc: p.loc });
  const off = add({ op: 'not', width: 1, a: p.enable, loc: p.loc });
  return add({ op: 'or', width: 1, a: off, b: p.cond, loc: p.loc });
}

function withProbes(m: IRModule): IRModule {
  const props = m.properties ?? [];
  if (!props.length) return m;
  const signals = [...m.signals];
  const exprs = [...m.exprs];
  const processes = [...m.processes];
  const add = (e: IRExpr) => exprs.push(e) - 1;
  props.forEach((p, k) => {
    const v = propertyOk(p, add);
    const id = signals.length;
    signals.push({ id, name: `${PROBE}${k}`, kind: 'wire', width: 1, loc: p.loc });
    processes.push({ kind: 'comb', body: [{ kind: 'assign', target: id, value: v, loc: p.loc }], loc: p.loc });
  });
  return { ...m, signals, exprs, processes };
}

/** A copy of the design with a probe wire per property, and the probes by hierarchical name. */
export function probeProperties(design: IRDesign): { design: IRDesign; probes: PropertyProbe[] } {
  if (!design.modules.some((m) => m.properties?.length)) return { design, probes: [] };
  const modules = design.modules.map(withProbes);
  const byName = new Map(modules.map((m) => [m.name, m]));
  const probes: PropertyProbe[] = [];
  const walk = (m: IRModule, prefix: string) => {
    (m.properties ?? []).forEach((p, k) => {
      probes.push({
        wire: `${prefix}${PROBE}${k}`,
        kind: p.kind,
        message: p.message,
        loc: p.loc,
        clocked: p.clock !== null,
      });
    });
    for (const inst of m.instances) {
      const child = byName.get(inst.module);
      if (child) walk(child, `${prefix}${inst.name}.`);
    }
  };
  walk(byName.get(design.top)!, '');
  return { design: { top: design.top, modules }, probes };
}
