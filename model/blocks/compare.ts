// Fast lockstep comparison of two output column sets (reference vs RTL), no BigInt: returns
// the first differing vector and port, or null. Bits above a port's width are ignored.
import { getBig, topWordMask, type Columns, type Port } from './columns.js';

export interface Mismatch {
  readonly index: number;
  readonly port: string;
  readonly expected: bigint;
  readonly actual: bigint;
}

export function firstMismatch(ports: readonly Port[], expected: Columns, actual: Columns, count: number): Mismatch | null {
  let best: Mismatch | null = null;
  for (const p of ports) {
    const e = expected[p.name], a = actual[p.name];
    if (!(e instanceof Uint32Array)) throw new Error(`firstMismatch: expected column '${p.name}' is missing`);
    if (!(a instanceof Uint32Array)) throw new Error(`firstMismatch: actual column '${p.name}' is missing`);
    const W = p.words, top = topWordMask(p.width);
    const end = best ? best.index : count; // only an earlier vector can beat the current best
    for (let i = 0; i < end; i++) {
      let d = 0;
      for (let w = 0; w < W - 1; w++) d |= e[i * W + w]! ^ a[i * W + w]!;
      d |= (e[i * W + W - 1]! ^ a[i * W + W - 1]!) & top;
      if (d !== 0) {
        best = { index: i, port: p.name, expected: getBig(e, p, i), actual: getBig(a, p, i) };
        break;
      }
    }
  }
  return best;
}
