// Signals: named, assignable values (ports, wires, registers) and assignable slices of them.
import type { IRField, SignalKind } from '../ir/types.js';
import { Value, type ExprSink, type Operand } from './value.js';

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
