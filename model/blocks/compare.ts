// The one comparison of two output column sets (reference vs RTL), for every user: the block
// co-simulation (sim/cosim/blocks.ts), mutation testing (sim/cosim/mutation-score.ts) and the core
// lockstep (sim/cosim/lockstep/). A tight word loop, no BigInt except for the values reported.
// Bits above a port's width are never compared; a caller may leave out more bits per word
// (named exclusions) and compare a port only on the vectors where a flag column is set.
// It lives here, at the bottom, because the model side may not import the hardware side
// while the co-simulation imports both.
import { getBig, topWordMask, type Columns, type Port } from './columns.js';

/** One port of one vector that differs, with both values (bits within the width). */
export interface Mismatch {
  /** The vector (event, cycle) index, counted as the caller counts. */
  readonly index: number;
  readonly port: string;
  readonly expected: bigint;
  readonly actual: bigint;
}

export interface CompareOptions {
  /** Per port, per word: the bits compared (ANDed with the port's width; default every bit). */
  readonly masks?: ReadonlyMap<string, Uint32Array>;
  /** Per port: a column of one word per vector; the port is compared only where it is non-zero. */
  readonly when?: Readonly<Record<string, Uint32Array | undefined>>;
  /** Added to the vector index in each Mismatch (the caller's count of earlier vectors). */
  readonly offset?: number;
}

interface Lane {
  readonly port: Port;
  readonly e: Uint32Array;
  readonly a: Uint32Array;
  readonly mask: Uint32Array;
  readonly when: Uint32Array | undefined;
}

function lanes(who: string, ports: readonly Port[], expected: Columns, actual: Columns, o: CompareOptions): Lane[] {
  return ports.map((port) => {
    const e = expected[port.name],
      a = actual[port.name];
    if (!(e instanceof Uint32Array)) throw new Error(`${who}: expected column '${port.name}' is missing`);
    if (!(a instanceof Uint32Array)) throw new Error(`${who}: actual column '${port.name}' is missing`);
    const given = o.masks?.get(port.name);
    const mask = Uint32Array.from(
      { length: port.words },
      (_, k) => (given ? given[k]! : 0xffffffff) & (k === port.words - 1 ? topWordMask(port.width) : 0xffffffff),
    );
    return { port, e, a, mask, when: o.when?.[port.name] };
  });
}

function differs(l: Lane, i: number): boolean {
  if (l.when && l.when[i] === 0) return false;
  const W = l.port.words,
    base = i * W;
  let d = 0;
  for (let k = 0; k < W; k++) d |= (l.e[base + k]! ^ l.a[base + k]!) & l.mask[k]!;
  return d !== 0;
}

/** The first vector in [0, end) where the lane differs, or -1 (the hot loop of the lockstep). */
function firstIn(l: Lane, end: number): number {
  const { e, a, mask, when } = l,
    W = l.port.words;
  // Word by word in vector order; only a word that differs at all is looked at closer.
  for (let j = 0, n = end * W; j < n; j++) {
    if (e[j] === a[j]) continue;
    const i = (j / W) | 0;
    if (((e[j]! ^ a[j]!) & mask[j - i * W]!) !== 0 && when?.[i] !== 0) return i;
  }
  return -1;
}

const mismatch = (l: Lane, i: number, o: CompareOptions): Mismatch => ({
  index: (o.offset ?? 0) + i,
  port: l.port.name,
  expected: getBig(l.e, l.port, i),
  actual: getBig(l.a, l.port, i),
});

/** The earliest differing vector in [0, count) (the first port in `ports` order there), or null. */
export function firstMismatch(
  ports: readonly Port[],
  expected: Columns,
  actual: Columns,
  count: number,
  o: CompareOptions = {},
): Mismatch | null {
  let best: { lane: Lane; i: number } | null = null;
  for (const l of lanes('firstMismatch', ports, expected, actual, o)) {
    const i = firstIn(l, best ? best.i : count); // only an earlier vector can beat the current best
    if (i >= 0) best = { lane: l, i };
  }
  return best ? mismatch(best.lane, best.i, o) : null;
}

/** How many vectors in [0, count) differ in at least one port. */
export function countMismatches(
  ports: readonly Port[],
  expected: Columns,
  actual: Columns,
  count: number,
  o: CompareOptions = {},
): number {
  const ls = lanes('countMismatches', ports, expected, actual, o);
  let n = 0;
  for (let i = 0; i < count; i++) if (ls.some((l) => differs(l, i))) n++;
  return n;
}

/** Every differing port of vector i, in `ports` order. */
export function mismatchesAt(
  ports: readonly Port[],
  expected: Columns,
  actual: Columns,
  i: number,
  o: CompareOptions = {},
): Mismatch[] {
  return lanes('mismatchesAt', ports, expected, actual, o)
    .filter((l) => differs(l, i))
    .map((l) => mismatch(l, i, o));
}
