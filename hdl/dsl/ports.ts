// Typed module boundaries. A port signal carries its Verilog name and direction in its type
// (a phantom property, nothing at run time), so a module body that returns its ports gives
// `defineModule` a port map, and `m.instance` can type the child's inputs (a missing or
// misspelt input is a compile error) and outputs (`u.comit` does not type-check).
import type { BundleSignal, Signal } from './signal.js';
import type { Operand, Value } from './value.js';

export type PortDir = 'input' | 'output';

/** A port signal `S` named `N` (its Verilog name) with direction `D`. */
export type Port<N extends string, D extends PortDir, S> = S & {
  /** Type-only (never set at run time). */
  readonly __port?: { readonly name: N; readonly dir: D };
};

type InfoOf<E> = E extends {
  /** Type-only (never set at run time). */ readonly __port?: infer I;
}
  ? NonNullable<I>
  : never;
type Entries<R> = R extends readonly unknown[] ? R[number] : R[keyof R];

/**
 * The port map of a module body's return value (an object or array of its port signals),
 * keyed by the ports' Verilog names; `unknown` when the body returns nothing (an untyped module).
 */
export type PortsOf<R> = [R] extends [object]
  ? { readonly [E in Entries<R> as InfoOf<E> extends { name: infer N extends string } ? N : never]: E }
  : unknown;

type DirOf<E> = InfoOf<E> extends { dir: infer D } ? D : never;

/** A bundle-typed value whose fields can be read by name (an instance's bundle output). */
export type BundleValue<F extends string> = Value & { readonly f: Readonly<Record<F, Value>> };

/** What a parent sees of a child's output port: read-only, width and bundle fields kept. */
export type OutputValue<S> =
  S extends BundleSignal<infer F> ? BundleValue<F> : S extends Signal<infer W> ? Value<W> : Value;

/** The connections `m.instance` takes: every input port, by name. */
export type InstanceInputs<P> = unknown extends P
  ? Readonly<Record<string, Operand>>
  : { readonly [K in keyof P as DirOf<P[K]> extends 'input' ? K : never]: Operand };

/** What `m.instance` returns: every output port, by name. */
export type InstanceOutputs<P> = unknown extends P
  ? Readonly<Record<string, Value>>
  : { readonly [K in keyof P as DirOf<P[K]> extends 'output' ? K : never]: OutputValue<P[K]> };

/** Type-only carrier of a module's port map `P` (see HdlModule). */
export interface PortCarrier<P> {
  /** Type-only (never set at run time). */
  readonly __ports?: P;
}
