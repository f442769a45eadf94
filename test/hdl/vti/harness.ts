// Shared test-bench pieces for the VT-i blocks: run one stimulus on both engines and on the
// independent TypeScript reference (model/blocks, written from the spec), and report the
// first disagreement with the vector's label.
import { expect } from 'vitest';
import type { Columns, Port } from '../../../model/blocks/columns.js';
import { createEngine, ENGINES, type Engine } from '../../../sim/engine.js';
import type { IRDesign } from '../../../hdl/ir/types.js';

export const wordsOf = (w: number) => Math.ceil(w / 32);

/** Reads vector i of a column as a bigint. */
export function valueAt(col: Uint32Array, width: number, i: number): bigint {
  const nw = wordsOf(width);
  let v = 0n;
  for (let k = nw - 1; k >= 0; k--) v = (v << 32n) | BigInt(col[i * nw + k]!);
  return v;
}

/** Asserts every output column agrees, naming the first differing vector. */
export function expectSameOutputs(
  what: string,
  outputs: readonly Port[],
  expected: Columns,
  actual: Columns,
  count: number,
  labels?: readonly string[],
): void {
  for (const p of outputs) {
    const e = expected[p.name]!,
      a = actual[p.name];
    expect(a, `${what}: output ${p.name} missing`).toBeDefined();
    for (let i = 0; i < count; i++) {
      const ev = valueAt(e, p.width, i),
        av = valueAt(a!, p.width, i);
      if (ev !== av) {
        expect.fail(
          `${what}: vector ${i}${labels?.[i] ? ` (${labels[i]})` : ''}: ${p.name} expected 0x${ev.toString(16)}, got 0x${av.toString(16)}`,
        );
      }
    }
  }
}

/** Both engines for one design (built once per test file). */
export async function bothEngines(design: IRDesign): Promise<Engine[]> {
  return Promise.all(ENGINES.map((e) => createEngine(e, design)));
}

/** Builds input columns from scalar rows (for hand-written spec cases). */
export function columnsOf(ports: readonly Port[], rows: readonly Record<string, bigint | number>[]): Columns {
  const cols: Columns = {};
  for (const p of ports) {
    const nw = wordsOf(p.width);
    const c = new Uint32Array(rows.length * nw);
    rows.forEach((r, i) => {
      let v = BigInt(r[p.name] ?? 0);
      for (let k = 0; k < nw; k++) {
        c[i * nw + k] = Number(v & 0xffffffffn);
        v >>= 32n;
      }
    });
    cols[p.name] = c;
  }
  return cols;
}
