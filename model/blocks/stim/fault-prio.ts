// vti_fault_prio stimulus. Directed: nothing pending, each row alone, every pair of rows,
// each row with every lower-priority row pending, everything pending. Random: uniformly random
// bits would almost always be won by the first few rows, so each vector clears all bits
// below a random start row and is often thinned out.
import { createFaultPrioModel, type FaultPrioModel, type FaultPrioOptions } from '../fault-prio.js';
import { topWordMask } from '../columns.js';
import { columnsFor, packVectors, randomWords, sourceOf, type RandomOptions, type Stimulus } from './common.js';

export function directedFaultPrio(opts: FaultPrioOptions = {}): Stimulus {
  const m = createFaultPrioModel(opts);
  const { table, rows: n } = m.options;
  const all = (1n << BigInt(n)) - 1n;
  const rows: { label: string; v: Record<string, bigint> }[] = [{ label: 'nothing pending', v: { pending: 0n } }];
  for (let i = 0; i < n; i++)
    rows.push({ label: `row ${i + 1} (${table[i]!.name}) alone`, v: { pending: 1n << BigInt(i) } });
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      rows.push({ label: `rows ${i + 1} and ${j + 1}`, v: { pending: (1n << BigInt(i)) | (1n << BigInt(j)) } });
  for (let i = 0; i < n; i++)
    rows.push({ label: `row ${i + 1} and all lower rows`, v: { pending: all & ~((1n << BigInt(i)) - 1n) } });
  return packVectors(m.inputs, rows);
}

/** Random vectors, one shape word each: 1 in 16 nothing pending (bits 0..3 zero); else bits
 *  below a uniformly random start row ((bits 4..19 × rows) >> 16) cleared, and 1 in 2 (bit 31 clear) thinned
 *  to about a quarter of the bits by a second random word. Branch-free: a keep-mask table
 *  per start row. */
export function randomFaultPrio(
  count: number,
  o: RandomOptions & { readonly options?: FaultPrioOptions } = {},
): Stimulus {
  const m = faultPrioModelFor(o.options);
  const n = m.options.rows,
    W = Math.ceil(n / 32),
    top = topWordMask(n);
  // The start row is (16 random bits × n) >>> 16: exact in uint32 arithmetic for n < 2^16.
  if (n >= 65536) throw new Error(`randomFaultPrio: ${n} rows; at most 65535`);
  const keepT = keepTable(n, W, top);
  const src = sourceOf(o);
  const cols = columnsFor(m.inputs, count, o.into);
  const p = cols.pending!;
  src.fill(p.subarray(0, count * W));
  const r = randomWords(src, count * (W + 1)); // thin words, then shape words
  const sh = count * W;
  if (W === 2) {
    // The usual table (33..64 rows), unrolled.
    for (let i = 0; i < count; i++) {
      const s = r[sh + i]!;
      const none = -(((s & 15) + 15) >>> 4);
      const k = ((((s >>> 4) & 0xffff) * n) >>> 16) << 1;
      const dense = -(s >>> 31);
      const b = i << 1;
      p[b] = p[b]! & keepT[k]! & (r[b]! | dense) & none;
      p[b + 1] = p[b + 1]! & keepT[k + 1]! & (r[b + 1]! | dense) & none;
    }
    return { count, inputs: cols };
  }
  for (let i = 0; i < count; i++) {
    const s = r[sh + i]!;
    const none = -(((s & 15) + 15) >>> 4); // 0 when bits 0..3 are 0, else all ones
    const start = (((s >>> 4) & 0xffff) * n) >>> 16;
    const dense = -(s >>> 31);
    for (let w = 0; w < W; w++) p[i * W + w] = p[i * W + w]! & keepT[start * W + w]! & (r[i * W + w]! | dense) & none;
  }
  return { count, inputs: cols };
}

// The model only supplies ports and the resolved table here; validating a 56-row table costs
// ≈ 40 µs, so it is done once per options object (the co-simulation asks once per batch).
let defaultModel: FaultPrioModel | undefined;
const models = new WeakMap<FaultPrioOptions, FaultPrioModel>();
function faultPrioModelFor(opts: FaultPrioOptions | undefined): FaultPrioModel {
  if (opts === undefined) return (defaultModel ??= createFaultPrioModel());
  let m = models.get(opts);
  if (!m) models.set(opts, (m = createFaultPrioModel(opts)));
  return m;
}

const keepTables = new Map<number, Int32Array>();
/** keep[start * W + w]: the bits of word w at or above row `start`, within the N rows. */
function keepTable(n: number, W: number, top: number): Int32Array {
  let t = keepTables.get(n);
  if (t) return t;
  t = new Int32Array(n * W);
  for (let start = 0; start < n; start++)
    for (let w = 0; w < W; w++) {
      const lo = w * 32;
      const k = start <= lo ? -1 : start >= lo + 32 ? 0 : -1 << (start - lo);
      t[start * W + w] = w === W - 1 ? k & top : k;
    }
  keepTables.set(n, t);
  return t;
}
