// Flattens an IRDesign into one global netlist: every signal of every instance gets a
// hierarchical name ('inst.sub.sig') and a global id, expressions and statements are copied
// with global ids, and instance ports become plain comb "copy" units (child input ← parent
// expression, parent wire ← child output). The scheduler and code generator then never see
// hierarchy.
import { remapExpr, remapStmts, targetsOf } from '../../hdl/ir/walk.js';
import type { IRDesign, IRExpr, IRModule, IRStmt, Loc, SignalKind } from '../../hdl/ir/types.js';

export class SimError extends Error {
  constructor(message: string) {
    super(`jssim: ${message}`);
    this.name = 'SimError';
  }
}

export function at(loc: Loc): string {
  return `${loc.file}:${loc.line}`;
}

export interface FSignal {
  readonly id: number;
  readonly name: string; // hierarchical, top-level signals unprefixed
  readonly local: string; // name inside its module
  readonly width: number;
  readonly kind: SignalKind;
  readonly init: string | null;
  readonly loc: Loc;
  readonly top: boolean; // belongs to the top module (ports are the simulator's ports)
  readonly enumName?: string;
}

/** A combinational unit: evaluated as a whole; drives `drives`. */
export interface FUnit {
  readonly body: readonly IRStmt[];
  readonly drives: readonly number[];
  readonly loc: Loc;
  readonly what: string; // for messages
}

export interface FSync {
  readonly body: readonly IRStmt[];
  readonly clock: number;
  readonly reset: number | null;
  readonly drives: readonly number[];
  readonly loc: Loc;
}

export interface FScope {
  readonly name: string; // instance name ('' for top)
  readonly module: string;
  readonly signals: number[];
  readonly children: FScope[];
}

export interface FlatDesign {
  readonly top: string;
  readonly signals: FSignal[];
  readonly exprs: IRExpr[];
  readonly exprModule: string[]; // module each expression came from (for messages)
  readonly units: FUnit[];
  readonly syncs: FSync[];
  readonly scope: FScope;
  /** For each signal: 'input' (top input), 'comb' (unit), 'sync', or 'none'. */
  readonly driver: ('input' | 'comb' | 'sync' | 'none')[];
}

export function flatten(design: IRDesign): FlatDesign {
  const modules = new Map<string, IRModule>();
  for (const m of design.modules) {
    if (modules.has(m.name)) throw new SimError(`module '${m.name}' is defined twice (${at(m.loc)})`);
    modules.set(m.name, m);
  }
  const topModule = modules.get(design.top);
  if (!topModule) throw new SimError(`top module '${design.top}' is not among the design's modules`);

  const signals: FSignal[] = [];
  const exprs: IRExpr[] = [];
  const exprModule: string[] = [];
  const units: FUnit[] = [];
  const syncs: FSync[] = [];
  const active: string[] = [];

  const instantiate = (m: IRModule, prefix: string, instName: string): { scope: FScope; sigBase: number } => {
    if (active.includes(m.name))
      throw new SimError(`module '${m.name}' instantiates itself (${[...active, m.name].join(' → ')})`);
    active.push(m.name);
    const sigBase = signals.length;
    const exprBase = exprs.length;
    const isTop = prefix === '';
    const scope: FScope = { name: instName, module: m.name, signals: [], children: [] };
    m.signals.forEach((s, i) => {
      if (s.id !== i) throw new SimError(`module '${m.name}': signal '${s.name}' has id ${s.id} but is at index ${i}`);
      const id = signals.length;
      signals.push({
        id,
        name: prefix + s.name,
        local: s.name,
        width: s.width,
        kind: s.kind,
        init: s.init ?? null,
        loc: s.loc,
        top: isTop,
        enumName: s.enumName,
      });
      scope.signals.push(id);
    });
    const sig = (i: number) => {
      if (!(i >= 0 && i < m.signals.length))
        throw new SimError(`module '${m.name}': reference to unknown signal id ${i}`);
      return sigBase + i;
    };
    const ex = (i: number) => {
      if (!(i >= 0 && i < m.exprs.length))
        throw new SimError(`module '${m.name}': reference to unknown expression id ${i}`);
      return exprBase + i;
    };
    for (const e of m.exprs) {
      exprs.push(remapExpr(e, sig, ex));
      exprModule.push(m.name);
    }
    for (const p of m.processes) {
      const body = remapStmts(p.body, sig, ex);
      const drives = [...targetsOf(body)];
      if (p.kind === 'comb') units.push({ body, drives, loc: p.loc, what: `process at ${at(p.loc)}` });
      else {
        if (p.clock === undefined)
          throw new SimError(`module '${m.name}': clocked process at ${at(p.loc)} has no clock`);
        syncs.push({ body, clock: sig(p.clock), reset: p.reset == null ? null : sig(p.reset), drives, loc: p.loc });
      }
    }
    for (const inst of m.instances) {
      const child = modules.get(inst.module);
      const where = `instance '${prefix}${inst.name}' of module '${inst.module}' (${at(inst.loc)})`;
      if (!child) throw new SimError(`${where}: module '${inst.module}' is not defined`);
      const sub = instantiate(child, `${prefix}${inst.name}.`, inst.name);
      scope.children.push(sub.scope);
      const port = (name: string, kind: SignalKind) => {
        const s = child.signals.find((c) => c.name === name && c.kind === kind);
        if (!s) throw new SimError(`${where}: module '${inst.module}' has no ${kind} port '${name}'`);
        return sub.sigBase + s.id;
      };
      for (const [name, e] of Object.entries(inst.inputs)) {
        const target = port(name, 'input');
        const loc = inst.loc;
        units.push({
          body: [{ kind: 'assign', target, value: ex(e), loc }],
          drives: [target],
          loc,
          what: `input '${name}' of ${where}`,
        });
      }
      for (const c of child.signals)
        if (c.kind === 'input' && !(c.name in inst.inputs))
          throw new SimError(`${where}: input port '${c.name}' is not connected`);
      for (const [name, w] of Object.entries(inst.outputs)) {
        const source = port(name, 'output');
        const target = sig(w);
        const value = exprs.length;
        exprs.push({ op: 'ref', width: signals[source]!.width, signal: source, loc: inst.loc });
        exprModule.push(m.name);
        units.push({
          body: [{ kind: 'assign', target, value, loc: inst.loc }],
          drives: [target],
          loc: inst.loc,
          what: `output '${name}' of ${where}`,
        });
      }
    }
    active.pop();
    return { scope, sigBase };
  };

  const { scope } = instantiate(topModule, '', '');

  const driver: FlatDesign['driver'] = signals.map((s) => (s.top && s.kind === 'input' ? 'input' : 'none'));
  const claim = (id: number, kind: 'comb' | 'sync', what: string) => {
    if (driver[id] !== 'none') throw new SimError(`signal '${signals[id]!.name}' has more than one driver (${what})`);
    driver[id] = kind;
  };
  for (const u of units) for (const d of u.drives) claim(d, 'comb', u.what);
  for (const p of syncs) for (const d of p.drives) claim(d, 'sync', `clocked process at ${at(p.loc)}`);
  for (const s of signals)
    if (driver[s.id] === 'none') throw new SimError(`${s.kind} '${s.name}' is never driven (${at(s.loc)})`);
  return { top: design.top, signals, exprs, exprModule, units, syncs, scope, driver };
}
