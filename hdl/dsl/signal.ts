// Signals: named, assignable values (ports, wires, registers) and assignable slices of them.
import type { IRField, SignalKind } from '../ir/types.js';
import { exprLoc } from './loc.js';
import type { EnumType } from './types.js';
import { Value, type Bit, type ExprSink, type Operand } from './value.js';

/** What a signal needs from its module to record an assignment. */
export interface AssignSink extends ExprSink {
  assign(target: Signal, value: Operand, hi: number | undefined, lo: number | undefined): void;
}

/** A slice of a signal that can be both read and assigned (`psr.f.vm.set(1)`). */
export class SliceRef<W extends number = number> extends Value<W> {
  constructor(
    mod: AssignSink,
    expr: number,
    width: W,
    readonly signal: Signal,
    readonly hi: number,
    readonly lo: number,
  ) {
    super(mod, expr, width);
  }
  set(value: Operand): void {
    (this.mod as AssignSink).assign(this.signal, value, this.hi, this.lo);
  }
}

export class Signal<W extends number = number> extends Value<W> {
  constructor(
    mod: AssignSink,
    expr: number,
    width: W,
    readonly id: number,
    readonly name: string,
    readonly kind: SignalKind,
  ) {
    super(mod, expr, width);
  }

  /** Drive the whole signal (combinational for wires/outputs, next state for registers). */
  set(value: Operand): void {
    (this.mod as AssignSink).assign(this, value, undefined, undefined);
  }

  /** An assignable slice hi..lo. */
  slice(hi: number, lo: number): SliceRef {
    const v = this.bits(hi, lo);
    if (!(hi < this.width && lo >= 0 && hi >= lo))
      return new SliceRef(this.mod as AssignSink, v.expr, v.width, this, this.width - 1, 0);
    return new SliceRef(this.mod as AssignSink, v.expr, v.width, this, hi, lo);
  }

  /** An assignable single bit. */
  at(i: number): SliceRef<1> {
    return this.slice(i, i) as SliceRef<1>;
  }
}

/** A signal declared with a bundle type: fields are addressable by name through `f`. */
export class BundleSignal<F extends string = string> extends Signal {
  readonly f: Readonly<Record<F, SliceRef>>;
  constructor(
    mod: AssignSink,
    expr: number,
    width: number,
    id: number,
    name: string,
    kind: SignalKind,
    fields: readonly IRField[],
  ) {
    super(mod, expr, width, id, name, kind);
    const f: Record<string, SliceRef> = {};
    for (const field of fields) {
      let cached: SliceRef | undefined;
      Object.defineProperty(f, field.name, {
        enumerable: true,
        get: () => (cached ??= this.slice(field.lo + field.width - 1, field.lo)),
      });
    }
    this.f = f as Record<F, SliceRef>;
  }
}

/** A signal declared with an enum type: `is(member)` compares it with a member by name. */
export class EnumSignal<K extends string = string> extends Signal {
  constructor(
    mod: AssignSink,
    expr: number,
    width: number,
    id: number,
    name: string,
    kind: SignalKind,
    readonly enumType: EnumType<K>,
  ) {
    super(mod, expr, width, id, name, kind);
  }
  /** 1 when the signal holds `member` (the member is emitted as its localparam). */
  is(member: K): Bit {
    const loc = exprLoc();
    const t = this.enumType;
    if (!Object.hasOwn(t.values, member)) {
      this.mod.problem(`enum '${t.name}' has no member '${member}'`, loc);
      return this.mod.constant(0, 1, loc) as Bit;
    }
    return this.eq(this.mod.constant(t.values[member], this.width, loc, enumConstName(t, member)));
  }
}

/** The localparam name of an enum member (`ICLASS_SSM`). */
export function enumConstName(t: EnumType, member: string): string {
  return `${t.name}_${member}`.toUpperCase();
}

/**
 * Read-only named fields over any value laid out as `fields` (an instance's bundle output,
 * a register read through a bundle type). Each read builds a fresh slice, as `bits` does.
 */
export function fieldView<F extends string>(v: Value, fields: readonly IRField[]): Readonly<Record<F, Value>> {
  const f: Record<string, Value> = {};
  for (const field of fields)
    Object.defineProperty(f, field.name, { enumerable: true, get: () => v.bits(field.lo + field.width - 1, field.lo) });
  return f as Record<F, Value>;
}
