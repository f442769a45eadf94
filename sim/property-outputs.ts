// Properties for an engine that only sees ports (Verilator): a copy of the design in which
// every assert/assume/cover of every module becomes a 1-bit output of the top (`vti_prop_N`),
// routed up through the instances. A clocked property's value is captured in a register at
// its clock's rising edge, so the output sampled after edge k is the property as it stood
// before that edge — exactly what the built-in simulator checks on step(). An unclocked
// property is output as it is (checked on every evaluation).
import { propertyOk } from './jssim/properties.js';
import type { IRDesign, IRExpr, IRModule, IRProcess, IRProperty, IRSignal, Loc } from '../hdl/ir/types.js';

/** One property as an output of the top. */
export interface PropertyOutput {
  readonly port: string;
  readonly kind: IRProperty['kind'];
  readonly message: string;
  readonly loc: Loc;
  readonly clocked: boolean;
  /** Instance path of the module that states it ('' for the top, 'u.v' below). */
  readonly path: string;
}

const PREFIX = 'vti_prop_';

interface Exposed {
  readonly module: IRModule;
  /** This module's property outputs, in port order. */
  readonly outs: readonly Omit<PropertyOutput, 'path'>[];
  /** Path (below this module) of each entry of `outs`. */
  readonly paths: readonly string[];
}

function expose(m: IRModule, children: ReadonlyMap<string, Exposed>): Exposed {
  const props = m.properties ?? [];
  const viaChildren = m.instances.some((i) => (children.get(i.module)?.outs.length ?? 0) > 0);
  if (!props.length && !viaChildren) return { module: m, outs: [], paths: [] };
  const signals: IRSignal[] = [...m.signals];
  const exprs: IRExpr[] = [...m.exprs];
  const processes: IRProcess[] = [...m.processes];
  const instances = m.instances.map((i) => ({ ...i, outputs: { ...i.outputs } }));
  const outs: Omit<PropertyOutput, 'path'>[] = [];
  const paths: string[] = [];
  const add = (e: IRExpr) => exprs.push(e) - 1;
  const declare = (name: string, kind: IRSignal['kind'], loc: Loc, clock?: number): number => {
    const id = signals.length;
    signals.push({
      id,
      name,
      kind,
      width: 1,
      loc,
      ...(clock !== undefined ? { clock, reset: null, init: null } : {}),
    });
    return id;
  };
  const output = (value: number, loc: Loc, p: Omit<PropertyOutput, 'path' | 'port'>, path: string) => {
    const port = `${PREFIX}${outs.length}`;
    const id = declare(port, 'output', loc);
    processes.push({ kind: 'comb', body: [{ kind: 'assign', target: id, value, loc }], loc });
    outs.push({ port, ...p });
    paths.push(path);
  };
  props.forEach((p, k) => {
    let v = propertyOk(p, add);
    if (p.clock !== null) {
      const q = declare(`${PREFIX}q${k}`, 'reg', p.loc, p.clock);
      processes.push({
        kind: 'sync',
        clock: p.clock,
        reset: null,
        body: [{ kind: 'assign', target: q, value: v, loc: p.loc }],
        loc: p.loc,
      });
      v = add({ op: 'ref', width: 1, signal: q, loc: p.loc });
    }
    output(v, p.loc, { kind: p.kind, message: p.message, loc: p.loc, clocked: p.clock !== null }, '');
  });
  for (const inst of instances) {
    const child = children.get(inst.module);
    child?.outs.forEach((o, j) => {
      const w = declare(`${inst.name}_${o.port}`, 'wire', inst.loc);
      inst.outputs[o.port] = w;
      const path = child.paths[j] ? `${inst.name}.${child.paths[j]}` : inst.name;
      const { port: _port, ...rest } = o;
      output(add({ op: 'ref', width: 1, signal: w, loc: inst.loc }), inst.loc, rest, path);
    });
  }
  return { module: { ...m, signals, exprs, processes, instances }, outs, paths };
}

/** The design with its properties as top-level outputs, and what each output states. */
export function propertyOutputs(design: IRDesign): { design: IRDesign; outputs: PropertyOutput[] } {
  const done = new Map<string, Exposed>();
  for (const m of design.modules) done.set(m.name, expose(m, done)); // children come first
  const top = done.get(design.top)!;
  return {
    design: { top: design.top, modules: design.modules.map((m) => done.get(m.name)!.module) },
    outputs: top.outs.map((o, j) => ({ ...o, path: top.paths[j]! })),
  };
}

/** True when some module of the design states a property. */
export function hasProperties(design: IRDesign): boolean {
  return design.modules.some((m) => (m.properties?.length ?? 0) > 0);
}
