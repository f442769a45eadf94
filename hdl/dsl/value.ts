// Values: handles on IR expressions of one module, with the eDSL's operators.
// Operators never widen or truncate silently: both sides of a binary operator must have the
// same width (the width pass reports mismatches naming both sides); a plain number operand
// becomes a constant of the other side's width and must fit in it.
import type { BinaryOp, IRExpr, Loc, UnaryOp } from '../ir/types.js';
import { callerLoc, exprLoc, locatedProblem } from './loc.js';

/** What a Value needs from its module (implemented by ModuleBuilder). */
export interface ExprSink {
  readonly name: string;
  addExpr(e: IRExpr): number;
  /** The expressions added so far, by id (read to fold a slice of a slice). */
  readonly exprs: readonly IRExpr[];
  constant(value: bigint | number, width: number, loc: Loc, name?: string): Value;
  problem(message: string, loc: Loc): void;
}

export type Operand = Value | number | bigint;

/** A value of `W` bits. `Bit` (W = 1) is what conditions and selects take. */
export class Value<W extends number = number> {
  constructor(
    readonly mod: ExprSink,
    readonly expr: number,
    readonly width: W,
  ) {}

  // ---- bitwise / arithmetic (same width → same width) ----
  and(b: Operand): Value<W> {
    return this.bin('and', b) as Value<W>;
  }
  or(b: Operand): Value<W> {
    return this.bin('or', b) as Value<W>;
  }
  xor(b: Operand): Value<W> {
    return this.bin('xor', b) as Value<W>;
  }
  /** Wrapping addition: widen the operands first (`zext`) to keep the carry. */
  add(b: Operand): Value<W> {
    return this.bin('add', b) as Value<W>;
  }
  sub(b: Operand): Value<W> {
    return this.bin('sub', b) as Value<W>;
  }
  not(): Value<W> {
    return this.un('not', this.width) as Value<W>;
  }
  neg(): Value<W> {
    return this.un('neg', this.width) as Value<W>;
  }

  // ---- comparisons (same width → 1 bit) ----
  eq(b: Operand): Bit {
    return this.bin('eq', b, 1) as Bit;
  }
  ne(b: Operand): Bit {
    return this.bin('ne', b, 1) as Bit;
  }
  ult(b: Operand): Bit {
    return this.bin('ult', b, 1) as Bit;
  }
  ule(b: Operand): Bit {
    return this.bin('ule', b, 1) as Bit;
  }
  ugt(b: Operand): Bit {
    return this.bin('ugt', b, 1) as Bit;
  }
  uge(b: Operand): Bit {
    return this.bin('uge', b, 1) as Bit;
  }
  slt(b: Operand): Bit {
    return this.bin('slt', b, 1) as Bit;
  }
  sle(b: Operand): Bit {
    return this.bin('sle', b, 1) as Bit;
  }
  sgt(b: Operand): Bit {
    return this.bin('sgt', b, 1) as Bit;
  }
  sge(b: Operand): Bit {
    return this.bin('sge', b, 1) as Bit;
  }

  // ---- reductions ----
  andR(): Bit {
    return this.un('redand', 1) as Bit;
  }
  orR(): Bit {
    return this.un('redor', 1) as Bit;
  }
  xorR(): Bit {
    return this.un('redxor', 1) as Bit;
  }

  // ---- shifts: by a constant number of bits, or by a Value (dynamic) ----
  shl(n: number | Value): Value<W> {
    return this.shift('shli', 'shl', n);
  }
  shr(n: number | Value): Value<W> {
    return this.shift('shri', 'shr', n);
  }
  sra(n: number | Value): Value<W> {
    return this.shift('srai', 'sra', n);
  }

  // ---- slicing and resizing ----
  /** Bits hi..lo (inclusive), width hi − lo + 1. */
  bits(hi: number, lo: number): Value {
    const loc = exprLoc();
    if (!(Number.isInteger(hi) && Number.isInteger(lo) && lo >= 0 && hi >= lo && hi < this.width)) {
      this.mod.problem(`slice [${hi}:${lo}] is out of range for a ${this.width}-bit value`, loc);
      return this.mod.constant(0, Math.max(1, hi - lo + 1 || 1), loc);
    }
    if (lo === 0 && hi === this.width - 1) return this;
    // A slice of a slice selects from the inner slice's operand: Verilog cannot part-select a
    // part-select, so the emitter would otherwise hold the inner slice in a temporary wire
    // whose unread bits -Wall reports (the unused-bit list names only signals).
    const inner = this.mod.exprs[this.expr];
    if (inner?.op === 'slice')
      return this.wrap({ op: 'slice', width: hi - lo + 1, a: inner.a, hi: inner.lo + hi, lo: inner.lo + lo, loc });
    return this.wrap({ op: 'slice', width: hi - lo + 1, a: this.expr, hi, lo, loc });
  }
  bit(i: number): Bit {
    return this.bits(i, i) as Bit;
  }
  /** The most significant bit (the sign of a two's-complement value). */
  msb(): Bit {
    return this.bit(this.width - 1);
  }
  zext<N extends number>(width: N): Value<N> {
    return this.resizeOp('zext', width, (w) => w >= this.width, 'zext', 'wider');
  }
  sext<N extends number>(width: N): Value<N> {
    return this.resizeOp('sext', width, (w) => w >= this.width, 'sext', 'wider');
  }
  /** Explicit truncation to the low `width` bits. */
  trunc<N extends number>(width: N): Value<N> {
    return this.resizeOp('trunc', width, (w) => w <= this.width, 'trunc', 'narrower');
  }
  /** Explicit zero-extension or truncation, whichever applies. */
  resize<N extends number>(width: N): Value<N> {
    return (width >= this.width ? this.zext(width) : this.trunc(width)) as Value<N>;
  }
  /** `count` copies side by side. */
  repeat(count: number): Value {
    const loc = exprLoc();
    if (!Number.isInteger(count) || count < 1) {
      this.mod.problem(`repeat count ${count} must be a positive integer`, loc);
      count = 1;
    }
    if (count === 1) return this;
    return this.wrap({ op: 'repl', width: this.width * count, a: this.expr, count, loc });
  }
  /** Checks at build time that this value is one bit wide and types it as such. */
  asBit(): Bit {
    if (this.width !== 1) this.mod.problem(`expected a 1-bit value, got ${this.width} bits`, callerLoc());
    return this as unknown as Bit;
  }

  // ---- internals ----
  /** Converts an operand to a Value of this value's module (numbers take `width`). */
  operand(b: Operand, width: number, loc: Loc): Value {
    if (b instanceof Value) {
      if (b.mod !== this.mod)
        this.mod.problem(`value from module '${b.mod.name}' used in module '${this.mod.name}'`, loc);
      return b;
    }
    return this.mod.constant(b, width, loc);
  }

  protected wrap(e: IRExpr): Value {
    return new Value(this.mod, this.mod.addExpr(e), e.width);
  }

  private bin(op: BinaryOp, b: Operand, width: number = this.width): Value {
    const loc = exprLoc();
    const v = this.operand(b, this.width, loc);
    // Every binary operator takes two operands of one width: a mismatch, reported by the
    // width pass, names this expression's own line (see DEFERRED).
    const at = v.width !== this.width ? locatedProblem(loc) : loc;
    return this.wrap({ op, width, a: this.expr, b: v.expr, loc: at });
  }

  private un(op: UnaryOp, width: number): Value {
    return this.wrap({ op, width, a: this.expr, loc: exprLoc() });
  }

  private shift(imm: 'shli' | 'shri' | 'srai', dyn: 'shl' | 'shr' | 'sra', n: number | Value): Value<W> {
    const loc = exprLoc();
    if (n instanceof Value)
      return this.wrap({
        op: dyn,
        width: this.width,
        a: this.expr,
        b: this.operand(n, n.width, loc).expr,
        loc,
      }) as Value<W>;
    if (!Number.isInteger(n) || n < 0) {
      this.mod.problem(`shift amount ${n} must be a non-negative integer`, loc);
      n = 0;
    }
    if (n === 0) return this;
    return this.wrap({ op: imm, width: this.width, a: this.expr, amount: n, loc }) as Value<W>;
  }

  private resizeOp<N extends number>(
    op: 'zext' | 'sext' | 'trunc',
    width: N,
    ok: (w: number) => boolean,
    what: string,
    dir: string,
  ): Value<N> {
    const loc = exprLoc();
    if (!Number.isInteger(width) || width < 1 || !ok(width)) {
      this.mod.problem(
        `${what} to ${width} bits: target must be ${dir} than or as wide as the ${this.width}-bit value`,
        loc,
      );
      return this as unknown as Value<N>;
    }
    if ((width as number) === this.width) return this as unknown as Value<N>;
    return this.wrap({ op, width, a: this.expr, loc }) as Value<N>;
  }
}

export type Bit = Value<1>;
