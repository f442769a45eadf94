// Port bundles with direction (like Amaranth's wiring.Signature or a Chisel Bundle with
// Flipped): a signature names members with a flow ('out' leaves the module that declares
// the bundle, 'in' enters it); `flipped` gives the other end's view. `m.ports(prefix, sig)`
// declares one port per member (`prefix_member`), `connect` wires two groups in one call.
import type { Port } from './ports.js';
import type { Signal } from './signal.js';
import type { Value } from './value.js';

export type Flow = 'in' | 'out';
export type Members = Readonly<Record<string, readonly [Flow, number]>>;

export interface Signature<M extends Members = Members> {
  readonly kind: 'signature';
  readonly members: M;
}

/** A signature: member name → [flow, width], flows seen from the module that declares it. */
export function signature<const M extends Members>(members: M): Signature<M> {
  for (const [k, [flow, w]] of Object.entries(members))
    if ((flow !== 'in' && flow !== 'out') || !Number.isInteger(w) || w < 1)
      throw new Error(`signature member '${k}': expected ['in' | 'out', width ≥ 1], got [${flow}, ${w}]`);
  return Object.freeze({ kind: 'signature', members: Object.freeze({ ...members }) });
}

type FlipFlow<F> = F extends 'in' ? 'out' : 'in';
export type Flipped<M extends Members> = { readonly [K in keyof M]: readonly [FlipFlow<M[K][0]>, M[K][1]] };

/** The same members seen from the other end (every flow reversed). */
export function flipped<M extends Members>(s: Signature<M>): Signature<Flipped<M>> {
  const members = Object.fromEntries(
    Object.entries(s.members).map(([k, [flow, w]]) => [k, [flow === 'in' ? 'out' : 'in', w] as const]),
  );
  return Object.freeze({ kind: 'signature', members: Object.freeze(members) }) as Signature<Flipped<M>>;
}

/** What declaring a group needs from a module (ModuleBuilder; no import, so no cycle). */
interface PortDeclarer {
  input(name: string, width: number): Signal;
  output(name: string, width: number): Signal;
}

type Dir<F> = F extends 'in' ? 'input' : 'output';
type WidthSignal<W> = W extends number ? (number extends W ? Signal : Signal<W>) : Signal;

/** The ports `m.ports(prefix, sig)` declares, by member name (each typed with its Verilog name). */
export type PortGroup<P extends string, M extends Members> = {
  readonly [K in keyof M & string]: Port<`${P}_${K}`, Dir<M[K][0]>, WidthSignal<M[K][1]>>;
};

/** Declares one port per member of `sig`, named `prefix_member`, in the signature's order. */
export function declarePorts<P extends string, M extends Members>(
  m: PortDeclarer,
  prefix: P,
  sig: Signature<M>,
): PortGroup<P, M> {
  const group: Record<string, Signal> = {};
  for (const [k, [flow, w]] of Object.entries(sig.members))
    group[k] = flow === 'in' ? m.input(`${prefix}_${k}`, w) : m.output(`${prefix}_${k}`, w);
  return group as PortGroup<P, M>;
}

/**
 * Connects two groups member by member: for each member, the side this module drives (an
 * output port or a wire) takes the other side's value. Members present on one side only, or
 * with no drivable side (or two), are reported.
 */
export function connectGroups(
  a: Readonly<Record<string, Value>>,
  b: Readonly<Record<string, Value>>,
  drivable: (v: Value) => v is Signal,
  report: (message: string) => void,
): void {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[k];
    const y = b[k];
    if (!x || !y) {
      report(`connect: member '${k}' is missing on the ${x ? 'right' : 'left'} side`);
      continue;
    }
    const dx = drivable(x);
    const dy = drivable(y);
    if (dx && !dy) x.set(y);
    else if (dy && !dx) (y as Signal).set(x);
    else report(`connect: member '${k}' has ${dx ? 'two driven sides' : 'no side this module drives'}`);
  }
}

/** A group's members under their port names (`prefix_member`), to pass to `m.instance`. */
export function prefixed<P extends string, R extends Readonly<Record<string, Value>>>(
  prefix: P,
  group: R,
): { readonly [K in keyof R & string as `${P}_${K}`]: R[K] } {
  return Object.fromEntries(Object.entries(group).map(([k, v]) => [`${prefix}_${k}`, v])) as never;
}
