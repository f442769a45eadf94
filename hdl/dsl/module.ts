// ModuleBuilder: the eDSL's module under construction. It records signals, expressions,
// statements (assignments inside when/switch trees) and instances, and produces the IR.
// Construction never throws for design errors: problems are collected (with locations) and
// reported together with the check passes' findings when the design is elaborated.
import { secondOperand } from '../ir/walk.js';
import type { IRExpr, IRInstance, IRModule, IRProperty, IRSignal, IRStmt, Loc, SignalKind } from '../ir/types.js';
import { Memory, type MemoryOptions } from './memory.js';
import { callerLoc, DEFERRED, locationMode } from './loc.js';
import { BundleSignal, EnumSignal, Signal, enumConstName, fieldView, type AssignSink } from './signal.js';
import { widthOf, type BundleType, type EnumType, type HwType } from './types.js';
import { Value, type Operand } from './value.js';
import { splitProcesses } from './processes.js';
import type { InstanceInputs, InstanceOutputs, Port, PortCarrier, PortsOf } from './ports.js';
import { connectGroups, declarePorts, type Members, type PortGroup, type Signature } from './interfaces.js';
import { faultsFor } from './faults.js';

export interface Problem {
  readonly message: string;
  readonly loc: Loc;
}

/**
 * A finished module: its IR plus the modules it instantiates. `P` is its port map when the
 * module body returned its ports (see PortsOf), `unknown` otherwise.
 */
export interface HdlModule<P = unknown> extends PortCarrier<P> {
  readonly ir: IRModule;
  readonly children: readonly HdlModule[];
  readonly problems: readonly Problem[];
}

type MutStmt =
  | { kind: 'assign'; target: number; hi?: number; lo?: number; value: number; loc: Loc }
  | { kind: 'if'; cond: number; then: MutStmt[]; else: MutStmt[]; loc: Loc }
  | { kind: 'switch'; subject: number; cases: { values: string[]; body: MutStmt[]; loc: Loc }[]; loc: Loc };

export interface RegOptions {
  /** Synchronous reset value; omit for a register without reset. */
  readonly init?: number | bigint;
}

/** The signal class a type declares: bundles have fields, enums members, widths stay literal. */
export type Typed<T extends HwType> =
  T extends BundleType<infer F>
    ? BundleSignal<F>
    : T extends EnumType<infer K>
      ? EnumSignal<K>
      : T extends number
        ? number extends T
          ? Signal
          : Signal<T>
        : Signal;

/**
 * How deep when/switch bodies may nest. Beyond about 950 levels iverilog's parser gives up
 * ("memory exhausted") and from about 2000 elaboration overflows the stack; 256 is far above
 * any real design and keeps every tool well inside its limits.
 */
export const MAX_STATEMENT_NESTING = 256;

export class WhenChain {
  constructor(
    private readonly m: ModuleBuilder,
    private node: Extract<MutStmt, { kind: 'if' }>,
    /**
     * The conditions of this arm and the arms before it (for property guards), newest first as
     * a shared list: an N-arm chain costs O(N), not the O(N²) of copying an array per arm.
     */
    private readonly conds: CondList,
  ) {}
  elsewhen(cond: Value, body: () => void): WhenChain {
    const loc = callerLoc();
    const next: Extract<MutStmt, { kind: 'if' }> = {
      kind: 'if',
      cond: this.m.condition(cond, loc),
      then: [],
      else: [],
      loc,
    };
    this.node.else.push(next);
    const prior = this.conds;
    this.m.collect(next.then, body, () => noneOf(prior).and(cond));
    return new WhenChain(this.m, next, { cond, prev: prior });
  }
  otherwise(body: () => void): void {
    const prior = this.conds;
    this.m.collect(this.node.else, body, () => noneOf(prior));
  }
}

/** The conditions of a when-chain's arms, newest first. */
interface CondList {
  readonly cond: Value;
  readonly prev: CondList | null;
}

/** 1 when none of `conds` holds (property guards of else arms). */
function noneOf(conds: readonly Value[] | CondList): Value {
  let list: readonly Value[];
  if (Array.isArray(conds)) list = conds;
  else {
    // Oldest first, as the arms were written.
    const newestFirst: Value[] = [];
    for (let c: CondList | null = conds as CondList; c; c = c.prev) newestFirst.push(c.cond);
    list = newestFirst.reverse();
  }
  return list.reduce((a, b) => a.or(b)).not();
}

export class SwitchBuilder {
  private hasDefault = false;
  constructor(
    private readonly m: ModuleBuilder,
    private readonly node: Extract<MutStmt, { kind: 'switch' }>,
    private readonly width: number,
    private readonly subject?: Value,
  ) {}
  /** A case: one value or several; values are numbers or constants (enum members). */
  is(values: Operand | readonly Operand[], body: () => void): this {
    const loc = callerLoc();
    if (this.hasDefault) this.m.problem('switch: a case after the default case is never reached', loc);
    const list = (Array.isArray(values) ? values : [values]) as Operand[];
    const hex = list.map((v) => this.m.caseValue(v, this.width, loc));
    const c = { values: hex, body: [] as MutStmt[], loc };
    this.node.cases.push(c);
    const subject = this.subject;
    const guard = () => list.map((v) => subject!.eq(v)).reduce((a, b) => a.or(b));
    this.m.collect(c.body, body, subject ? guard : undefined);
    return this;
  }
  default(body: () => void): void {
    const loc = callerLoc();
    if (this.hasDefault) this.m.problem('switch: more than one default case', loc);
    this.hasDefault = true;
    const c = { values: [] as string[], body: [] as MutStmt[], loc };
    this.node.cases.push(c);
    const subject = this.subject;
    const cases = this.node.cases.slice(0, -1);
    const guard = () =>
      noneOf(cases.map((k) => k.values.map((v) => subject!.eq(BigInt(`0x${v}`))).reduce((a, b) => a.or(b))));
    this.m.collect(c.body, body, subject && cases.length ? guard : undefined);
  }
}

let current: ModuleBuilder | undefined;
/** The module whose body is being run by `defineModule` (for the free functions). */
export function currentModule(): ModuleBuilder {
  if (!current) throw new Error('no module under construction: call this inside defineModule(name, (m) => { ... })');
  return current;
}

export class ModuleBuilder implements AssignSink {
  readonly signals: IRSignal[] = [];
  readonly exprs: IRExpr[] = [];
  readonly instances: IRInstance[] = [];
  readonly children: HdlModule[] = [];
  readonly problems: Problem[] = [];
  private readonly body: MutStmt[] = [];
  private stack: MutStmt[][] = [this.body];
  private tooDeep = false;
  /** Per open when/switch arm: its condition, built only if a property needs it. */
  private readonly guards: (() => Value)[] = [];
  private readonly props: IRProperty[] = [];
  private pastValid?: Signal<1>;
  private readonly mems: Memory[] = [];
  private pastCount = 0;
  /** past() registers by the expression they delay (one register per value). */
  private readonly pastOf = new Map<number, Value>();
  private clk?: Signal<1>;
  /** Wires driven by an instance output (`connect` never drives them). */
  private readonly instanceDriven = new Set<number>();
  private rst?: Signal<1>;
  /** Signals by name (the first declaration of a name), for fault injection. */
  private readonly byName = new Map<string, Signal>();
  /** Operands still to locate (an explicit stack: a 65536-deep mux chain is one expression tree). */
  private readonly pending: number[] = [];

  constructor(
    readonly name: string,
    readonly loc: Loc,
    readonly doc?: string,
    readonly params?: Record<string, unknown>,
  ) {}

  // ---- declarations ----
  input<N extends string, T extends HwType>(name: N, type: T): Port<N, 'input', Typed<T>> {
    return this.declare(name, 'input', type, callerLoc()) as Port<N, 'input', Typed<T>>;
  }
  output<N extends string, T extends HwType>(name: N, type: T): Port<N, 'output', Typed<T>> {
    return this.declare(name, 'output', type, callerLoc()) as Port<N, 'output', Typed<T>>;
  }
  wire<T extends HwType>(name: string, type: T): Typed<T> {
    return this.declare(name, 'wire', type, callerLoc()) as Typed<T>;
  }
  /** A register on this module's clock (`clk`) with synchronous active-high reset (`rst`) when `init` is given. */
  reg<T extends HwType>(name: string, type: T, opts: RegOptions = {}): Typed<T> {
    const loc = callerLoc();
    const clock = this.clock();
    const reset = opts.init === undefined ? null : this.reset().id;
    let init: string | null = null;
    if (opts.init !== undefined) init = this.fitConstant(opts.init, widthOf(type), loc);
    return this.declare(name, 'reg', type, loc, { clock: clock.id, reset, init }) as Typed<T>;
  }
  /** The module's clock input `clk` (created on first use). */
  clock(): Port<'clk', 'input', Signal<1>> {
    return (this.clk ??= this.declare('clk', 'input', 1, callerLoc()) as Signal<1>);
  }
  /** The module's synchronous reset input `rst` (created on first use). */
  reset(): Port<'rst', 'input', Signal<1>> {
    return (this.rst ??= this.declare('rst', 'input', 1, callerLoc()) as Signal<1>);
  }

  /** One port per member of `sig` (`prefix_member`; 'out' members are outputs). */
  ports<P extends string, M extends Members>(prefix: P, sig: Signature<M>): PortGroup<P, M> {
    return declarePorts(this, prefix, sig);
  }

  /** Connects two groups of signals member by member (the side this module drives takes the other). */
  connect(a: Readonly<Record<string, Value>>, b: Readonly<Record<string, Value>>): void {
    const loc = callerLoc();
    const drivable = (v: Value): v is Signal =>
      v instanceof Signal &&
      v.mod === this &&
      (v.kind === 'output' || (v.kind === 'wire' && !this.instanceDriven.has(v.id)));
    connectGroups(a, b, drivable, (message) => this.problem(message, loc));
  }

  /** A named wire driven by `value` (gives an intermediate result a stable Verilog name). */
  named<W extends number>(name: string, value: Value<W>): Signal<W> {
    const w = this.declare(name, 'wire', value.width, callerLoc()) as Signal<W>;
    w.set(value);
    return w;
  }

  /** A constant of `width` bits (a leaf: located by its first use, see DEFERRED). */
  lit(value: number | bigint, width: number): Value {
    return this.constant(value, width, DEFERRED);
  }

  /** An enum member as a constant (emitted as a named localparam). */
  enumValue<K extends string>(t: EnumType<K>, member: K): Value {
    if (!Object.hasOwn(t.values, member)) {
      const loc = callerLoc();
      this.problem(`enum '${t.name}' has no member '${member}'`, loc);
      return this.constant(0, t.width, loc);
    }
    return this.constant(t.values[member], t.width, DEFERRED, enumConstName(t, member));
  }

  // ---- statements ----
  when(cond: Value, body: () => void): WhenChain {
    const loc = callerLoc();
    const node: Extract<MutStmt, { kind: 'if' }> = {
      kind: 'if',
      cond: this.condition(cond, loc),
      then: [],
      else: [],
      loc,
    };
    this.top().push(node);
    this.collect(node.then, body, () => cond);
    return new WhenChain(this, node, { cond, prev: null });
  }

  switch(subject: Value, body: (s: SwitchBuilder) => void): void {
    const loc = callerLoc();
    const node: Extract<MutStmt, { kind: 'switch' }> = {
      kind: 'switch',
      subject: this.own(subject, loc).expr,
      cases: [],
      loc,
    };
    this.top().push(node);
    body(new SwitchBuilder(this, node, subject.width, subject));
  }

  /**
   * Instantiate a child module; returns its outputs as values of this module. For a child
   * whose body returned its ports, both the connections and the outputs are typed by name.
   */
  instance<P>(name: string, child: HdlModule<P>, inputs: InstanceInputs<NoInfer<P>>): InstanceOutputs<P> {
    const loc = callerLoc();
    const ins: Record<string, number> = {};
    const outs: Record<string, number> = {};
    const result: Record<string, Value> = {};
    const ports = child.ir.signals.filter((s) => s.kind === 'input' || s.kind === 'output');
    for (const key of Object.keys(inputs)) {
      const p = ports.find((s) => s.name === key);
      if (p?.kind !== 'input') this.problem(`instance '${name}' of '${child.ir.name}': no input port '${key}'`, loc);
    }
    for (const p of ports) {
      if (p.kind === 'input') {
        const v = (inputs as Readonly<Record<string, Operand>>)[p.name];
        if (v === undefined) {
          this.problem(`instance '${name}' of '${child.ir.name}': input port '${p.name}' is not connected`, loc);
          continue;
        }
        const val = v instanceof Value ? this.own(v, loc) : this.constant(v, p.width, loc);
        ins[p.name] = val.expr;
      } else {
        const w = this.declare(`${name}_${p.name}`, 'wire', p.width, loc);
        outs[p.name] = w.id;
        this.instanceDriven.add(w.id);
        result[p.name] = p.fields ? Object.assign(new Value(this, w.expr, w.width), { f: fieldView(w, p.fields) }) : w;
      }
    }
    this.instances.push({ name, module: child.ir.name, inputs: ins, outputs: outs, loc });
    if (!this.children.includes(child)) this.children.push(child);
    return result as InstanceOutputs<P>;
  }

  // ---- AssignSink / ExprSink ----
  addExpr(e: IRExpr): number {
    // A located operation (in 'expression' mode, or one with a problem) locates the operands
    // it uses that are not located yet (DEFERRED).
    if (e.loc !== DEFERRED) this.settleOperands(e, e.loc);
    this.exprs.push(e);
    return this.exprs.length - 1;
  }

  /**
   * Gives expression `id` and every operand below it that is not located yet location `loc`
   * (the statement or declaration consuming it). A located expression's operands are all
   * located, so the walk stops there: each expression is visited once per module.
   */
  private settle(id: number, loc: Loc): void {
    const e = this.exprs[id] as { loc: Loc } & IRExpr;
    if (e.loc !== DEFERRED) return;
    e.loc = loc;
    this.settleOperands(e, loc);
  }

  private settleOperands(e: IRExpr, loc: Loc): void {
    const todo = this.pending;
    const base = todo.length;
    pushDeferred(this.exprs, e, todo);
    while (todo.length > base) {
      const x = this.exprs[todo.pop()!] as { loc: Loc } & IRExpr;
      if (x.loc !== DEFERRED) continue;
      x.loc = loc;
      pushDeferred(this.exprs, x, todo);
    }
  }

  constant(value: bigint | number, width: number, loc: Loc, name?: string): Value {
    const hex = this.fitConstant(value, width, loc);
    const e: IRExpr = name ? { op: 'const', width, value: hex, name, loc } : { op: 'const', width, value: hex, loc };
    return new Value(this, this.addExpr(e), width);
  }

  problem(message: string, loc: Loc): void {
    // A leaf's problem is reported where it was made: the stack is still the user's.
    this.problems.push({ message, loc: loc === DEFERRED ? callerLoc() : loc });
  }

  assign(target: Signal, value: Operand, hi: number | undefined, lo: number | undefined): void {
    const loc = callerLoc();
    if (target.mod !== this) {
      this.problem(`assignment to '${target.name}' of module '${target.mod.name}' inside module '${this.name}'`, loc);
      return;
    }
    if (target.kind === 'input') {
      this.problem(`assignment to input port '${target.name}'`, loc);
      return;
    }
    const width = hi === undefined ? target.width : hi - lo! + 1;
    const v = value instanceof Value ? this.own(value, loc) : this.constant(value, width, loc);
    const stmt: MutStmt =
      hi === undefined
        ? { kind: 'assign', target: target.id, value: v.expr, loc }
        : { kind: 'assign', target: target.id, hi, lo, value: v.expr, loc };
    this.top().push(stmt);
  }

  // ---- used by WhenChain / SwitchBuilder ----
  condition(cond: Value, loc: Loc): number {
    const c = this.own(cond, loc);
    return c.expr;
  }

  collect(into: MutStmt[], body: () => void, guard?: () => Value): void {
    // Deeper statements are a design error, reported once, and their bodies are not run (so a
    // runaway recursion ends here instead of overflowing the stack in elaboration).
    if (this.stack.length > MAX_STATEMENT_NESTING) {
      if (!this.tooDeep)
        this.problem(
          `statements nested more than ${MAX_STATEMENT_NESTING} levels deep (when/elsewhen/otherwise/switch cases): flatten the logic (mux, switchOn, anyOf)`,
          callerLoc(),
        );
      this.tooDeep = true;
      return;
    }
    this.stack.push(into);
    if (guard) this.guards.push(guard);
    try {
      body();
    } finally {
      this.stack.pop();
      if (guard) this.guards.pop();
    }
  }

  // ---- memories ----
  /** A memory of `depth` words of `width` bits on this module's clock (see Memory). */
  memory<W extends number>(name: string, opts: MemoryOptions & { readonly width: W }): Memory<W> {
    const loc = callerLoc();
    const { depth, width } = opts;
    if (!Number.isInteger(depth) || depth < 2 || (depth & (depth - 1)) !== 0)
      this.problem(`memory '${name}': depth ${depth} must be a power of two ≥ 2`, loc);
    if (!Number.isInteger(width) || width < 1) this.problem(`memory '${name}': width ${width} must be ≥ 1`, loc);
    if (opts.init && opts.init.length > depth)
      this.problem(`memory '${name}': ${opts.init.length} initial words for ${depth} words`, loc);
    const init = opts.init ? opts.init.slice(0, depth).map((v) => this.fitConstant(v, width, loc)) : null;
    const host = {
      name: this.name,
      clockId: () => this.clock().id,
      own: (v: Operand, w: number, at: Loc) => (v instanceof Value ? this.own(v, at) : this.constant(v, w, at)),
      declareData: (n: string, w: number, sync: boolean, at: Loc) =>
        sync
          ? this.declare(n, 'reg', w, at, { clock: this.clock().id, reset: null, init: null })
          : this.declare(n, 'wire', w, at),
      problem: (message: string, at: Loc) => this.problem(message, at),
    };
    const mem = new Memory<W>(host, name, depth, width, init, loc);
    this.mems.push(mem as Memory);
    return mem;
  }

  // ---- properties ----
  /** `cond` must hold (on every rising clock edge; always, in a module without a clock). */
  assert(cond: Value, message: string): void {
    this.property('assert', cond, message, callerLoc());
  }
  /** `cond` is assumed to hold (a constraint on the inputs for formal proofs). */
  assume(cond: Value, message: string): void {
    this.property('assume', cond, message, callerLoc());
  }
  /** `cond` must be reachable (a formal cover goal; counted in simulation). */
  cover(cond: Value, message: string): void {
    this.property('cover', cond, message, callerLoc());
  }
  /** `v` one clock cycle earlier (a register; properties after the first past() apply from the second cycle after reset). */
  past<W extends number>(v: Value<W>): Value<W> {
    const loc = callerLoc();
    this.own(v, loc);
    this.pastValid ??= this.declare('past_valid', 'reg', 1, loc, {
      clock: this.clock().id,
      reset: this.reset().id,
      init: '0',
    }) as Signal<1>;
    if (this.pastCount === 0) this.assignAt(this.pastValid, this.constant(1, 1, loc), loc);
    const known = this.pastOf.get(v.expr);
    if (known) return known as Value<W>;
    const r = this.declare(`past_${this.pastCount++}`, 'reg', v.width, loc, {
      clock: this.clock().id,
      reset: null,
      init: null,
    });
    this.assignAt(r, v, loc);
    this.pastOf.set(v.expr, r);
    return r as Value as Value<W>;
  }

  private assignAt(target: Signal, v: Value, loc: Loc): void {
    // Outside any when/switch arm: the body list, not the current arm.
    this.body.push({ kind: 'assign', target: target.id, value: v.expr, loc });
  }

  private property(kind: IRProperty['kind'], cond: Value, message: string, loc: Loc): void {
    this.own(cond, loc);
    if (cond.width !== 1) this.problem(`${kind}: the condition is ${cond.width} bits, expected 1`, loc);
    const parts = this.guards.map((g) => g());
    if (this.pastValid) parts.unshift(this.pastValid);
    const enable = parts.length ? parts.reduce((a, b) => a.and(b)).expr : null;
    if (enable !== null) this.settle(enable, loc);
    this.props.push({ kind, cond: cond.expr, enable, clock: this.clk?.id ?? null, message, loc });
  }

  caseValue(v: Operand, width: number, loc: Loc): string {
    if (v instanceof Value) {
      if (v.mod === this) this.settle(v.expr, loc);
      const e = this.exprs[v.expr]!;
      if (e.op !== 'const' || v.mod !== this) {
        this.problem('switch: case values must be constants', loc);
        return '0';
      }
      if (e.width !== width)
        this.problem(`width mismatch in switch case: subject ${width} bits, case value ${e.width} bits`, loc);
      return e.value;
    }
    return this.fitConstant(v, width, loc);
  }

  /** Produce the module's IR (statements split into processes). */
  finish(): HdlModule {
    for (let i = 0; i < this.exprs.length; i++) this.settle(i, this.loc);
    const { processes } = splitProcesses(this.body as IRStmt[], this.signals, this.loc);
    const ir: IRModule = {
      name: this.name,
      loc: this.loc,
      ...(this.doc ? { doc: this.doc } : {}),
      signals: this.signals,
      exprs: this.exprs,
      processes,
      instances: this.instances,
      ...(this.mems.length
        ? {
            memories: this.mems.map((x) => ({
              name: x.name,
              width: x.width,
              depth: x.depth,
              init: x.init,
              writes: x.writes,
              reads: x.reads,
              loc: x.loc,
            })),
          }
        : {}),
      ...(this.props.length ? { properties: this.props.map((p) => ({ ...p, clock: this.clk?.id ?? null })) } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
    return { ir, children: this.children, problems: this.problems };
  }

  static enter(m: ModuleBuilder): ModuleBuilder | undefined {
    const prev = current;
    current = m;
    return prev;
  }
  static leave(prev: ModuleBuilder | undefined): void {
    current = prev;
  }

  // ---- internals ----
  private top(): MutStmt[] {
    return this.stack[this.stack.length - 1]!;
  }

  private own(v: Value, loc: Loc): Value {
    if (v.mod !== this) this.problem(`value from module '${v.mod.name}' used in module '${this.name}'`, loc);
    else this.settle(v.expr, loc);
    return v;
  }

  private declare(
    name: string,
    kind: SignalKind,
    type: HwType,
    loc: Loc,
    reg?: { clock: number; reset: number | null; init: string | null },
  ): Signal {
    const width = widthOf(type);
    if (!Number.isInteger(width) || width < 1) {
      this.problem(`signal '${name}': width ${width} must be a positive integer`, loc);
    }
    const w = Math.max(1, Math.floor(width) || 1);
    const id = this.signals.length;
    const bundle = typeof type === 'object' && type.kind === 'bundle' ? type : undefined;
    const en = typeof type === 'object' && type.kind === 'enum' ? type : undefined;
    this.signals.push({
      id,
      name,
      kind,
      width: w,
      loc,
      ...(reg ? { clock: reg.clock, reset: reg.reset, init: reg.init } : {}),
      ...(bundle ? { fields: bundle.fields } : {}),
      ...(en ? { enumName: en.name } : {}),
    });
    const expr = this.addExpr({ op: 'ref', width: w, signal: id, loc });
    const s = bundle
      ? new BundleSignal(this, expr, w, id, name, kind, bundle.fields)
      : en
        ? new EnumSignal(this, expr, w, id, name, kind, en)
        : new Signal(this, expr, w, id, name, kind);
    if (!this.byName.has(name)) this.byName.set(name, s);
    return s;
  }

  /**
   * Injects the active faults for this module (hdl/dsl/faults.ts): every read of a faulted
   * signal goes through the one `ref` expression its Signal holds, so that expression becomes
   * the fault's value, built from a fresh read of the original signal.
   */
  injectFaults(): void {
    for (const f of faultsFor(this.name)) {
      const s = this.byName.get(f.signal);
      if (!s) {
        this.problem(`fault: module '${this.name}' has no signal '${f.signal}'`, this.loc);
        continue;
      }
      const original = new Value(this, this.addExpr({ ...this.exprs[s.expr]! }), s.width);
      const lookup = (name: string): Value => {
        if (name === f.signal) return original;
        const x = this.byName.get(name);
        if (!x) throw new Error(`fault on ${this.name}.${f.signal}: module '${this.name}' has no signal '${name}'`);
        return x;
      };
      const v = f.value({ original, signal: lookup, lit: (value, width) => this.constant(value, width, this.loc) });
      if (v.width !== s.width)
        this.problem(`fault on '${f.signal}': the value is ${v.width} bits, the signal ${s.width}`, this.loc);
      this.exprs[s.expr] = { ...this.exprs[v.expr]! };
    }
  }

  private fitConstant(value: number | bigint, width: number, loc: Loc): string {
    // The common case without BigInt arithmetic (a generator loop makes one literal per row).
    if (
      typeof value === 'number' &&
      value >= 0 &&
      Number.isInteger(value) &&
      Number.isInteger(width) &&
      width >= 1 &&
      width <= 52 &&
      // A shift up to 30 bits (exact in int32); `**` is a floating-point power, slower.
      value < (width <= 30 ? 1 << width : 2 ** width)
    )
      return hexOf(value);
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      this.problem(`constant ${value} is not an integer (use a bigint for values beyond 2^53)`, loc);
      return '0';
    }
    let v = BigInt(value);
    const limit = 1n << BigInt(width);
    if (v < 0n) {
      if (v < -(limit >> 1n)) this.problem(`constant ${value} does not fit in ${width} bits`, loc);
      v = (v + limit) & (limit - 1n);
    } else if (v >= limit) {
      this.problem(`constant ${value} does not fit in ${width} bits`, loc);
      v &= limit - 1n;
    }
    return v.toString(16);
  }
}

/** Hex digits of small numbers, made once: `Number#toString(16)` costs more than the rest of a literal. */
const SMALL_HEX: string[] = [];
const SMALL_HEX_LIMIT = 1 << 16;

function hexOf(value: number): string {
  if (value >= SMALL_HEX_LIMIT) return value.toString(16);
  // Grown densely (a sparse array would fall back to a slow dictionary).
  while (SMALL_HEX.length <= value) SMALL_HEX.push(SMALL_HEX.length.toString(16));
  return SMALL_HEX[value]!;
}

/** Pushes onto `todo` the operands of `e` whose location is still DEFERRED. */
function pushDeferred(exprs: readonly IRExpr[], e: IRExpr, todo: number[]): void {
  switch (e.op) {
    case 'const':
    case 'ref':
      return;
    case 'concat':
      for (const p of e.parts) if (exprs[p]!.loc === DEFERRED) todo.push(p);
      return;
    case 'mux':
      if (exprs[e.sel]!.loc === DEFERRED) todo.push(e.sel);
      if (exprs[e.a]!.loc === DEFERRED) todo.push(e.a);
      if (exprs[e.b]!.loc === DEFERRED) todo.push(e.b);
      return;
    default: {
      if (exprs[e.a]!.loc === DEFERRED) todo.push(e.a);
      const b = secondOperand(e);
      if (b >= 0 && exprs[b]!.loc === DEFERRED) todo.push(b);
    }
  }
}

/**
 * Build a module: runs `body` with a fresh builder (also the target of the free functions).
 * A body that returns its port signals (`return { a, y }` or `[a, y]`) gives a typed module
 * (see `instance`); the returned signals must be ports of this module.
 */
export function defineModule<R = void>(
  name: string,
  body: (m: ModuleBuilder) => R,
  opts: { doc?: string; params?: Record<string, unknown> } = {},
): HdlModule<PortsOf<R>> {
  locationMode(); // resolves VTI_LOCATIONS before the first capture
  const m = new ModuleBuilder(name, callerLoc(), opts.doc, opts.params);
  const prev = ModuleBuilder.enter(m);
  try {
    const ports = body(m);
    m.injectFaults();
    if (ports && typeof ports === 'object')
      for (const p of Object.values(ports))
        if (p instanceof Signal && (p.mod !== m || (p.kind !== 'input' && p.kind !== 'output')))
          m.problem(`module '${name}' returns '${p.name}' as a port, but it is not a port of this module`, m.loc);
  } finally {
    ModuleBuilder.leave(prev);
  }
  return m.finish() as HdlModule<PortsOf<R>>;
}
