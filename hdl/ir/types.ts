// The netlist IR: the one contract between the eDSL front end (hdl/dsl) and every backend
// (gen/verilog, sim/jssim, formal). Plain JSON-serializable data: no classes, no functions,
// no BigInt (constants are hex strings). Every node carries the user's source location (by
// default an expression that of the statement consuming it: DEFERRED in hdl/dsl/loc.ts).

/** Source location of the user's TypeScript code that created a node. */
export interface Loc {
  readonly file: string; // path relative to the project root (or absolute outside it)
  readonly line: number;
  readonly col: number;
}

export type SignalKind = 'input' | 'output' | 'wire' | 'reg';

/** A named field of a bundle-typed signal (the vector is the concatenation of its fields). */
export interface IRField {
  readonly name: string;
  readonly lo: number;
  readonly width: number;
}

export interface IRSignal {
  readonly id: number; // index in IRModule.signals
  name: string; // may be changed by the keyword-renaming pass
  readonly kind: SignalKind;
  readonly width: number;
  readonly loc: Loc;
  /** For kind 'reg': synchronous reset value (hex string, no prefix) or null for no reset. */
  readonly init?: string | null;
  /** For kind 'reg': the clock and reset input signal ids. */
  readonly clock?: number;
  readonly reset?: number | null;
  /** Bundle layout, when the signal was declared as a bundle. */
  readonly fields?: readonly IRField[];
  /** Enum type name, for dumps and VCD. */
  readonly enumName?: string;
}

// ---- expressions -------------------------------------------------------------------------
// Expressions form a DAG stored in IRModule.exprs; operands refer to earlier entries by index.

export type BinaryOp =
  | 'and'
  | 'or'
  | 'xor' // same width → same width
  | 'add'
  | 'sub' // same width → same width (wrapping; widen explicitly first)
  | 'eq'
  | 'ne'
  | 'ult'
  | 'ule'
  | 'ugt'
  | 'uge'
  | 'slt'
  | 'sle'
  | 'sgt'
  | 'sge' // same width → 1
  | 'shl'
  | 'shr'
  | 'sra'; // dynamic shift: a (width w) by b (any width) → w

export type UnaryOp = 'not' | 'neg' | 'redand' | 'redor' | 'redxor'; // not/neg: w → w; red*: w → 1

export type IRExpr =
  /** value: hex without prefix; `name`: an enum member's name (emitted as a localparam). */
  | { readonly op: 'const'; readonly width: number; readonly value: string; readonly name?: string; readonly loc: Loc }
  | { readonly op: 'ref'; readonly width: number; readonly signal: number; readonly loc: Loc }
  | { readonly op: UnaryOp; readonly width: number; readonly a: number; readonly loc: Loc }
  | { readonly op: BinaryOp; readonly width: number; readonly a: number; readonly b: number; readonly loc: Loc }
  /** Static shifts by a constant amount; result width = width of a. */
  | {
      readonly op: 'shli' | 'shri' | 'srai';
      readonly width: number;
      readonly a: number;
      readonly amount: number;
      readonly loc: Loc;
    }
  /** Bits hi..lo of a (width hi-lo+1). */
  | {
      readonly op: 'slice';
      readonly width: number;
      readonly a: number;
      readonly hi: number;
      readonly lo: number;
      readonly loc: Loc;
    }
  /** Concatenation, MSB first (parts[0] is the most significant). */
  | { readonly op: 'concat'; readonly width: number; readonly parts: readonly number[]; readonly loc: Loc }
  /** a repeated `count` times. */
  | { readonly op: 'repl'; readonly width: number; readonly a: number; readonly count: number; readonly loc: Loc }
  /** sel ? a : b (sel 1 bit, a and b same width). */
  | {
      readonly op: 'mux';
      readonly width: number;
      readonly sel: number;
      readonly a: number;
      readonly b: number;
      readonly loc: Loc;
    }
  /** Zero / sign extension of a to `width` (width ≥ width of a), explicit truncation (width ≤). */
  | { readonly op: 'zext' | 'sext' | 'trunc'; readonly width: number; readonly a: number; readonly loc: Loc };

export type ExprOp = IRExpr['op'];

// ---- statements --------------------------------------------------------------------------

/** Assignment of a value to a whole signal, or to bits hi..lo of it. */
export interface IRAssign {
  readonly kind: 'assign';
  readonly target: number; // signal id
  readonly hi?: number;
  readonly lo?: number;
  readonly value: number; // expr id
  readonly loc: Loc;
}

export interface IRIf {
  readonly kind: 'if';
  readonly cond: number; // expr id, width 1
  readonly then: readonly IRStmt[];
  readonly else: readonly IRStmt[];
  readonly loc: Loc;
}

export interface IRSwitchCase {
  readonly values: readonly string[]; // hex constants of the subject's width; empty = default
  readonly body: readonly IRStmt[];
  readonly loc: Loc;
}

export interface IRSwitch {
  readonly kind: 'switch';
  readonly subject: number; // expr id
  readonly cases: readonly IRSwitchCase[]; // at most one default, which is last
  readonly loc: Loc;
}

export type IRStmt = IRAssign | IRIf | IRSwitch;

/**
 * A process: combinational (`always @*`, later assignments win, as in Chisel/Amaranth) or
 * synchronous to the rising edge of `clock`. Registers with a reset get
 * `if (reset) r <= init; else <body>` from their signal's `init`.
 */
export interface IRProcess {
  readonly kind: 'comb' | 'sync';
  readonly clock?: number; // sync only
  readonly reset?: number | null; // sync only
  readonly body: readonly IRStmt[];
  readonly loc: Loc;
}

export interface IRInstance {
  name: string;
  readonly module: string; // name of another IRModule of the design
  /** Input port → expr id in the parent. */
  readonly inputs: Readonly<Record<string, number>>;
  /** Output port → wire signal id in the parent. */
  readonly outputs: Readonly<Record<string, number>>;
  readonly loc: Loc;
}

/**
 * A property (assertion, assumption or cover) checked on the rising edge of `clock`, or
 * combinationally when the module has no clock. `enable` is the condition under which it
 * applies (the when/switch path it was written in, and "a past value exists" when the module
 * uses past()); null means always.
 */
export interface IRProperty {
  readonly kind: 'assert' | 'assume' | 'cover';
  readonly cond: number; // expr id, width 1
  readonly enable: number | null; // expr id, width 1
  readonly clock: number | null; // signal id
  readonly message: string;
  readonly loc: Loc;
}

/** A synchronous write port: on the rising edge of `clock`, if `enable`, word `addr` ← `data`. */
export interface IRMemWrite {
  readonly clock: number; // signal id
  readonly addr: number; // expr id
  readonly data: number; // expr id
  readonly enable: number; // expr id, width 1
  readonly loc: Loc;
}

/**
 * A read port: 'async' drives the wire `data` with word `addr` combinationally; 'sync'
 * loads register `data` with word `addr` on the rising edge of `clock` (read-during-write
 * returns the old word: writes take effect at the same edge).
 */
export interface IRMemRead {
  readonly kind: 'async' | 'sync';
  readonly clock: number | null; // signal id, sync only
  readonly addr: number; // expr id
  readonly data: number; // signal id (a wire for async, a reg for sync)
  readonly loc: Loc;
}

/** A memory of `depth` words of `width` bits (a power-of-two depth). */
export interface IRMemory {
  readonly name: string;
  readonly width: number;
  readonly depth: number;
  /** Power-on contents (hex per word, no reset), or null for none. */
  readonly init: readonly string[] | null;
  readonly writes: readonly IRMemWrite[];
  readonly reads: readonly IRMemRead[];
  readonly loc: Loc;
}

export interface IRModule {
  name: string;
  readonly loc: Loc;
  /** Free-form documentation written as a header comment. */
  readonly doc?: string;
  readonly signals: IRSignal[];
  readonly exprs: IRExpr[];
  readonly processes: IRProcess[];
  readonly instances: IRInstance[];
  /** Memories (absent when there are none). */
  readonly memories?: readonly IRMemory[];
  /** Assertions, assumptions and covers (absent when there are none). */
  readonly properties?: readonly IRProperty[];
  /** Generator options that produced this module (for manifests), JSON values. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A design: its modules in dependency order (children before parents), top last. */
export interface IRDesign {
  readonly top: string;
  readonly modules: IRModule[];
}
