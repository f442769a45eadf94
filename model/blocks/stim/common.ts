// Generic stimulus pieces: random columns, exhaustive enumeration, packing of hand-written
// vectors. The per-block generators in this folder build on them.
import { allocColumns, setBig, topWordMask, type Columns, type Port } from '../columns.js';
import { randomSource, type RandomSource } from '../prng.js';

/** A set of input vectors in column form; `labels[i]` says what vector i is for (directed sets). */
export interface Stimulus {
  readonly count: number;
  readonly inputs: Columns;
  readonly labels?: readonly string[];
}

export interface RandomOptions {
  /** Reproducible run: seeded PRNG. Without it crypto.randomFillSync. */
  readonly seed?: number;
  /** Or an explicit source (overrides seed). */
  readonly source?: RandomSource;
  /** Columns to overwrite instead of allocating (each long enough, else a new one is made). */
  readonly into?: Columns;
}

/** Columns for `count` vectors: those of `into` that are long enough, new ones for the rest. */
export function columnsFor(ports: readonly Port[], count: number, into?: Columns): Columns {
  const c: Columns = {};
  for (const p of ports) {
    const have = into?.[p.name];
    c[p.name] = have instanceof Uint32Array && have.length >= count * p.words ? have : new Uint32Array(count * p.words);
  }
  return c;
}

let scratch = new Uint32Array(0);
/** `n` fresh random words in a module-wide scratch buffer (valid until the next call). */
export function randomWords(src: RandomSource, n: number): Uint32Array {
  if (scratch.length < n) scratch = new Uint32Array(Math.max(n, scratch.length * 2));
  const w = scratch.subarray(0, n);
  src.fill(w);
  return w;
}

export function sourceOf(o: RandomOptions = {}): RandomSource {
  return o.source ?? randomSource(o.seed);
}

/** Uniformly random columns, each top word masked to the port width. */
export function randomColumns(ports: readonly Port[], count: number, o: RandomOptions = {}): Columns {
  const src = sourceOf(o);
  const cols = allocColumns(ports, count);
  for (const p of ports) {
    const c = cols[p.name]!;
    src.fill(c);
    const m = topWordMask(p.width);
    if (m !== 0xffffffff) for (let i = p.words - 1; i < c.length; i += p.words) c[i]! &= m;
  }
  return cols;
}

export const EXHAUSTIVE_LIMIT_BITS = 24;

/** Every input combination: vector k has port 0 in the low bits of k, then port 1, ... */
export function exhaustiveColumns(ports: readonly Port[]): Stimulus {
  const total = ports.reduce((s, p) => s + p.width, 0);
  if (total > EXHAUSTIVE_LIMIT_BITS)
    throw new Error(`exhaustive enumeration: ${total} input bits exceed the limit of ${EXHAUSTIVE_LIMIT_BITS}`);
  const count = 2 ** total;
  const cols = allocColumns(ports, count);
  for (let k = 0; k < count; k++) {
    let sh = 0;
    for (const p of ports) {
      cols[p.name]![k] = (k >>> sh) & topWordMask(p.width);
      sh += p.width;
    }
  }
  return { count, inputs: cols };
}

/** Packs hand-written vectors (BigInt or number per port; missing ports = 0) into columns. */
export function packVectors(
  ports: readonly Port[],
  rows: readonly { label: string; v: Record<string, bigint | number> }[],
): Stimulus {
  const cols = allocColumns(ports, rows.length);
  rows.forEach((r, i) => {
    for (const k of Object.keys(r.v))
      if (!ports.some((p) => p.name === k)) throw new Error(`packVectors: no port '${k}' (vector '${r.label}')`);
    for (const p of ports) setBig(cols[p.name]!, p, i, BigInt(r.v[p.name] ?? 0));
  });
  return { count: rows.length, inputs: cols, labels: rows.map((r) => r.label) };
}
