// vti_fault_prio stimulus. Directed: nothing pending, each row alone, every pair of rows,
// each row with every lower-priority row pending, everything pending. Random: uniformly random
// bits would almost always be won by the first few rows, so each vector clears all bits
// below a random start row and is often thinned out.
import { createFaultPrioModel, type FaultPrioOptions } from '../fault_prio.js';
import { topWordMask } from '../columns.js';
import { packVectors, randomColumns, sourceOf, type RandomOptions, type Stimulus } from './common.js';

export function directedFaultPrio(opts: FaultPrioOptions = {}): Stimulus {
  const m = createFaultPrioModel(opts);
  const { table, rows: n } = m.options;
  const all = (1n << BigInt(n)) - 1n;
  const rows: { label: string; v: Record<string, bigint> }[] = [{ label: 'nothing pending', v: { pending: 0n } }];
  for (let i = 0; i < n; i++) rows.push({ label: `row ${i + 1} (${table[i]!.name}) alone`, v: { pending: 1n << BigInt(i) } });
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      rows.push({ label: `rows ${i + 1} and ${j + 1}`, v: { pending: (1n << BigInt(i)) | (1n << BigInt(j)) } });
  for (let i = 0; i < n; i++)
    rows.push({ label: `row ${i + 1} and all lower rows`, v: { pending: all & ~((1n << BigInt(i)) - 1n) } });
  return packVectors(m.inputs, rows);
}

export function randomFaultPrio(count: number, o: RandomOptions & { readonly options?: FaultPrioOptions } = {}): Stimulus {
  const m = createFaultPrioModel(o.options);
  const n = m.options.rows, W = Math.ceil(n / 32), top = topWordMask(n);
  const src = sourceOf(o);
  const cols = randomColumns(m.inputs, count, { source: src });
  const thin = new Uint32Array(count * W), shape = new Uint32Array(count);
  src.fill(thin);
  src.fill(shape);
  const p = cols.pending!;
  for (let i = 0; i < count; i++) {
    const s = shape[i]!;
    if ((s & 15) === 0) { for (let w = 0; w < W; w++) p[i * W + w] = 0; continue; } // 1 in 16: none
    const start = (s >>> 4) % n;
    const dense = (s >>> 12) & 1;
    for (let w = 0; w < W; w++) {
      const lo = w * 32;
      // keep bits >= start: in word w, bits (start - lo).. when start falls in or before it
      const keep = start <= lo ? 0xffffffff : start >= lo + 32 ? 0 : (0xffffffff << (start - lo)) >>> 0;
      let x = p[i * W + w]! & keep;
      if (!dense) x &= thin[i * W + w]!; // 1 in 2: about a quarter of the bits
      p[i * W + w] = w === W - 1 ? x & top : x;
    }
  }
  return { count, inputs: cols };
}
